// The Node test process as "another process" talking to the server over plain HTTP: sign in, create
// projects and tasks, write changes, read /metrics.

export class Api {
  /** @param {string} origin */
  constructor(origin) {
    this.origin = origin;
    this.graphqlUrl = `${origin}/graphql`;
  }

  async request(query, variables, token) {
    const response = await fetch(this.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  }

  /** Like request, but throws on any GraphQL error; an expired token is renewed by signing in again once. */
  async execute(query, variables, token = this.token) {
    let result = await this.request(query, variables, token);
    if (token && token === this.token && result.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') {
      await this.login(this.username, this.password);
      result = await this.request(query, variables, this.token);
    }
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  async login(username, password) {
    this.username = username;
    this.password = password;
    const data = await this.execute(
      'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken refreshToken user { id } } }',
      { u: username, p: password },
      null,
    );
    this.token = data.login.accessToken;
    this.userId = data.login.user.id;
    return data.login;
  }

  async createProject(name) {
    const data = await this.execute(
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { id name } }',
      { i: { name, ownerId: this.userId } },
    );
    return data.createProject;
  }

  async createTask(projectId, title, extra = {}) {
    const data = await this.execute(
      'mutation($i: CreateTaskInput!) { createTask(input: $i) { id version title } }',
      { i: { projectId, title, ...extra } },
    );
    return data.createTask;
  }

  async updateTask(id, input, expectedVersion) {
    const data = await this.execute(
      'mutation($id: ID!, $i: UpdateTaskInput!, $v: Int) { updateTask(id: $id, input: $i, expectedVersion: $v) { id version title done priority } }',
      { id, i: input, v: expectedVersion ?? null },
    );
    return data.updateTask;
  }

  async task(id) {
    return (await this.execute('query($id: ID!) { task(id: $id) { id version title done priority } }', { id })).task;
  }

  async metrics() {
    return (await fetch(`${this.origin}/metrics`)).json();
  }
}

// GraphQL documents shared by the browser tests. The subscription declares $since so the client can resume it.
export const taskChanges = `subscription($where: TaskFilterInput, $since: Long) {
  taskChanged(where: $where, since: $since) { kind sequence task { id version title done priority } }
}`;

export const inProject = (projectId) => ({ where: { projectId: { eq: projectId } } });

// The task-board demo: sign in, pick a project, watch its tasks live, add, rename and tick tasks off. Every
// tab of this origin signed in as the same user shares one server connection through the leader tab.
import { createClient } from '/client/collectionstore-client.js';
import { claims, currentSession, getToken, signIn, signOut } from './auth.js';

const $ = (id) => document.getElementById(id);
const conflict = new URLSearchParams(location.search).get('conflict') ?? 'server-wins';
const ORDER = [{ done: 'ASC' }, { priority: 'DESC' }, { title: 'ASC' }];

let client = null;
let projects = null;
let tasks = null;
let pendingWrites = [];

function element(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function showError(id, error) {
  $(id).textContent = error ? String(error.message ?? error) : '';
}

function start() {
  const session = currentSession();
  $('signin').hidden = !!session;
  $('board').hidden = !session;
  if (!session) {
    $('status').textContent = 'not signed in';
    return;
  }
  const me = claims(session.accessToken).sub;
  client = createClient({
    url: `${location.origin}/graphql`,
    getToken,
    collections: {
      Project: { fields: 'id version name ownerId' },
      Task: { fields: 'id version projectId title done priority', conflict },
    },
  });
  const status = (leading) => {
    $('status').replaceChildren(`signed in as ${session.username} · `, element('span', { className: leading ? 'leader' : '' },
      leading ? 'this tab holds the connection' : 'connected through another tab'));
  };
  status(false);
  client.onLeaderChange(status);
  client.ready.then(() => status(client.isLeader));
  client.pending.subscribe(renderPending);
  projects = client.watch('Project', { order: [{ name: 'ASC' }] });
  projects.subscribe(renderProjects);
  $('new-project').onsubmit = (event) => {
    event.preventDefault();
    const name = event.target.name.value.trim();
    event.target.reset();
    client.create('Project', { name, ownerId: me })
      .then((project) => selectProject(project.id))
      .catch((error) => showError('write-error', error));
  };
}

function renderProjects(items) {
  const select = $('project');
  const chosen = select.value || sessionStorage.getItem('collectionstore.demo.project') || items[0]?.id;
  select.replaceChildren(...items.map((p) => element('option', { value: p.id, textContent: p.name })));
  if (chosen && items.some((p) => p.id === chosen)) selectProject(chosen);
}

function selectProject(projectId) {
  $('project').value = projectId;
  if (tasks?.projectId === projectId) return;
  sessionStorage.setItem('collectionstore.demo.project', projectId);
  tasks?.close();
  tasks = client.watch('Task', { where: { projectId: { eq: projectId } }, order: ORDER });
  tasks.projectId = projectId;
  tasks.subscribe(renderTasks);
  renderTasks(tasks.items);
}

const rows = new Map();

function renderTasks(items) {
  const states = new Map(pendingWrites.map((w) => [w.docId, w.state]));
  $('empty').hidden = items.length > 0;
  for (const id of rows.keys()) if (!items.some((t) => t.id === id)) rows.delete(id);
  $('tasks').replaceChildren(...items.map((task) => {
    const row = rows.get(task.id) ?? taskRow(task.id);
    rows.set(task.id, row);
    fillRow(row, task, states.get(task.id));
    return row;
  }));
}

/** Rows are kept per task so a title being edited keeps its caret while other changes arrive. */
function taskRow(id) {
  const done = element('input', { type: 'checkbox', title: 'Done' });
  done.onchange = () => write(client.update('Task', id, { done: done.checked }));
  const title = element('input', { className: 'title', title: 'Edit and press Enter' });
  title.onchange = () => write(client.update('Task', id, { title: title.value }));
  const row = element('li', {}, done, title, element('span', { className: 'priority' }),
    element('span', { className: 'version' }), element('span', { className: 'badge' }));
  row.dataset.id = id;
  row.dataset.testid = 'task';
  return row;
}

function fillRow(row, task, state) {
  const [done, title, priority, version, badge] = row.children;
  row.className = `task${task.done ? ' done' : ''}${state ? ' pending' : ''}`;
  row.dataset.title = task.title;
  done.checked = task.done;
  if (document.activeElement !== title) title.value = task.title;
  priority.textContent = `P${task.priority}`;
  version.textContent = `v${task.version}`;
  badge.textContent = state ?? '';
  badge.hidden = !state;
}

function renderPending(list) {
  pendingWrites = list.filter((w) => w.state !== 'failed');
  $('pending-count').textContent = String(pendingWrites.length);
  $('pending').replaceChildren(...list.map((w) =>
    element('li', { textContent: `${w.kind} ${w.collection} ${w.docId.slice(-6)}: ${w.state}${w.error ? ` (${w.error.message})` : ''}` })));
  if (tasks) renderTasks(tasks.items);
}

function write(promise) {
  showError('write-error', null);
  promise.catch((error) => showError('write-error', error));
}

$('signin').onsubmit = async (event) => {
  event.preventDefault();
  showError('signin-error', null);
  try {
    await signIn(event.target.username.value, event.target.password.value);
    start();
  } catch (error) {
    showError('signin-error', error);
  }
};

$('new-task').onsubmit = (event) => {
  event.preventDefault();
  const form = event.target;
  if (!tasks) return;
  write(client.create('Task', { projectId: tasks.projectId, title: form.title.value.trim(), priority: Number(form.priority.value) || 0 }));
  form.title.value = '';
};

$('project').onchange = (event) => selectProject(event.target.value);
$('online').onchange = (event) => { if (client) client.online = event.target.checked; };
window.addEventListener('online', () => { $('online').checked = true; });
window.addEventListener('offline', () => { $('online').checked = false; });

$('signout').onclick = async () => {
  signOut();
  tasks?.close();
  projects?.close();
  await client?.close();
  client = tasks = projects = null;
  start();
};

start();

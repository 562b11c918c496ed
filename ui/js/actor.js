// Who is at the counter. Every action sends this staff member's id; the choice is kept per
// data folder so the demo shop and the real shop each remember their own.

let staff = [];
let key = 'caseback.actor';
const listeners = new Set();

export function setStaff(list, scope) {
  staff = list.filter((m) => m.active);
  key = `caseback.actor.${scope}`;
  const saved = Number(localStorage.getItem(key));
  if (!staff.some((m) => m.id === saved) && staff.length) localStorage.setItem(key, String(staff[0].id));
  listeners.forEach((fn) => fn());
}

export function activeStaff() {
  return staff;
}

export function actorId() {
  const saved = Number(localStorage.getItem(key));
  return staff.some((m) => m.id === saved) ? saved : staff[0]?.id;
}

export function setActor(id) {
  localStorage.setItem(key, String(id));
  listeners.forEach((fn) => fn());
}

export function onActorChange(fn) {
  listeners.add(fn);
}

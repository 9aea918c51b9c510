// Loads the app (a file, not an inline script, so that the CSP forbids inline scripts), says
// when it cannot load, then keeps it offline with sw.js (docs/web.md, "Opening").

const LOAD_TIMEOUT_MS = 30000;
const byId = (id) => document.getElementById(id);
let started = false;

function failed() {
  if (started) return;
  byId('boot-loading')?.setAttribute('hidden', '');
  byId('boot-failed')?.removeAttribute('hidden');
}

byId('boot-retry')?.addEventListener('click', () => location.reload());
const timer = setTimeout(failed, LOAD_TIMEOUT_MS);

import('./tnl_web.js')
  .then((glue) => glue.default())
  .then(() => {
    started = true;
    clearTimeout(timer);
    byId('boot')?.remove();
    keepOffline();
  }, failed);

/** Registers the service worker, and offers a newer version once it is ready. */
function keepOffline() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('sw.js').then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const next = registration.installing;
      next?.addEventListener('statechange', () => {
        // Without a controller this is the first install: nothing to update.
        if (next.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(next);
      });
    });
  }, () => {});
}

/** Says that a newer version is ready, with a button that switches to it and reloads. */
function offerUpdate(worker) {
  if (byId('update-ready')) return;
  const en = document.documentElement.lang === 'en';
  const box = document.createElement('div');
  box.id = 'update-ready';
  box.className = 'notice notice-fixed notice-update';
  box.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = en
    ? 'A newer version of the app is ready. Your answers are saved: reload when you wish.'
    : "Une nouvelle version de l'application est prête. Vos réponses sont enregistrées : rechargez quand vous le souhaitez.";
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'update-reload';
  button.textContent = en ? 'Reload now' : 'Recharger maintenant';
  button.addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
    worker.postMessage('activate');
  });
  box.append(text, button);
  document.body.append(box);
}

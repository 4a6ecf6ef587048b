// The Firebase Auth popup flow (even against the Auth emulator) loads Google's `gapi` loader
// from apis.google.com, in the app page and in the emulator's helper iframe. This machine has no
// internet, so the browser tests serve a local fake of the small part of `gapi.iframes` both
// sides use (open / ping / restyle / register / send over postMessage), and empty responses
// for the emulator widget's web fonts and Material script. Test double at the network edge only.
import type { BrowserContext } from 'playwright-core';

const FAKE_GAPI = String.raw`(function () {
  var FILTER = 'fake-cross-origin-filter';
  function channel(target) {
    var handlers = {};
    var queued = {};
    var pending = {};
    var seq = 0;
    function answer(m) {
      var result = handlers[m.name](m.data);
      Promise.resolve(result).then(function (r) {
        target.postMessage({ fakeGapi: true, kind: 'reply', id: m.id, result: [r] }, '*');
      });
    }
    window.addEventListener('message', function (e) {
      var m = e.data;
      if (e.source !== target || !m || m.fakeGapi !== true) return;
      if (m.kind === 'call') {
        if (handlers[m.name]) answer(m);
        else (queued[m.name] = queued[m.name] || []).push(m);
      } else if (m.kind === 'reply' && pending[m.id]) {
        var cb = pending[m.id];
        delete pending[m.id];
        cb(m.result);
      }
    });
    return {
      register: function (name, handler) {
        handlers[name] = handler;
        (queued[name] || []).splice(0).forEach(answer);
      },
      unregister: function (name) {
        delete handlers[name];
      },
      send: function (name, data, cb) {
        var id = ++seq;
        pending[id] = cb || function () {};
        target.postMessage({ fakeGapi: true, kind: 'call', id: id, name: name, data: data }, '*');
      },
    };
  }
  var context = {
    open: function (opts, ready) {
      var frame = document.createElement('iframe');
      var attrs = opts.attributes || {};
      Object.keys(attrs).forEach(function (k) {
        if (k === 'style') Object.assign(frame.style, attrs.style);
        else frame.setAttribute(k, attrs[k]);
      });
      var loaded = new Promise(function (resolve) {
        frame.addEventListener('load', resolve, { once: true });
      });
      frame.src = opts.url;
      (opts.where || document.body).appendChild(frame);
      var api = channel(frame.contentWindow);
      api.restyle = function () {
        return Promise.resolve();
      };
      api.ping = function (cb) {
        return loaded.then(function () {
          if (cb) cb();
        });
      };
      return ready(api);
    },
    getParentIframe: function () {
      return channel(window.parent);
    },
  };
  window.gapi = {
    load: function (_name, opts) {
      setTimeout(function () {
        (typeof opts === 'function' ? opts : opts.callback)();
      }, 0);
    },
    iframes: {
      Iframe: function () {},
      CROSS_ORIGIN_IFRAMES_FILTER: FILTER,
      getContext: function () {
        return context;
      },
    },
  };
  var src = document.currentScript && document.currentScript.src;
  var onload = src ? new URL(src).searchParams.get('onload') : null;
  if (onload && typeof window[onload] === 'function') window[onload]();
  else if (typeof window.gapi_onload === 'function') window.gapi_onload();
})();`;

/** Routes the sign-in popup's remote scripts and styles to local fakes for `context`. */
export async function fakeGoogleScripts(context: BrowserContext): Promise<void> {
  await context.route('https://apis.google.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_GAPI }),
  );
  await context.route(/^https:\/\/(fonts\.googleapis\.com|fonts\.gstatic\.com|unpkg\.com)\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/css', body: '' }),
  );
}

// Portico console: progressive enhancement only. Every page works without this file.
(function () {
  'use strict';

  // Integration forms: show the settings of the chosen type only.
  document.querySelectorAll('select[data-integration-type]').forEach(function (select) {
    var form = select.form;
    function show() {
      form.querySelectorAll('fieldset[data-for-type]').forEach(function (set) {
        set.hidden = set.getAttribute('data-for-type') !== select.value;
      });
    }
    select.addEventListener('change', show);
    show();
  });

  // Forms marked data-autosubmit (the deploy dialog's stage picker) reload as soon as a choice changes.
  document.querySelectorAll('form[data-autosubmit] select').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });

  // Copy buttons (the new API key's value): the clipboard when the browser allows it, else the text
  // is selected for the person to copy. The button stays hidden without this script.
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById('copy-status');
    var say = function (text) { if (status) { status.textContent = text; } };
    var select = function () {
      field.focus();
      field.select();
      var copied = false;
      try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
      say(copied ? 'Copied to the clipboard.' : 'Selected: press Ctrl+C (or ⌘C) to copy.');
    };
    button.hidden = false;
    button.addEventListener('click', function () {
      // A browser may leave the clipboard's promise pending (no permission, no focus): fall back after 1 s.
      var settled = false;
      var settle = function (copied) {
        if (settled) { return; }
        settled = true;
        if (copied) { say('Copied to the clipboard.'); } else { select(); }
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { settle(true); }, function () { settle(false); });
        setTimeout(function () { settle(false); }, 1000);
      } else {
        settle(false);
      }
    });
  });

  // Stage variables: "Remove" drops the row (without JavaScript, clearing its name does the same).
  document.querySelectorAll('button[data-remove-row]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var row = button.closest('tr');
      row.querySelectorAll('input').forEach(function (input) { input.value = ''; });
      row.hidden = true;
    });
  });

  // The rollout dialog: poll the fleet until every connected node applied the revision.
  var rollout = document.querySelector('[data-rollout]');
  if (rollout) {
    var status = rollout.querySelector('[data-rollout-status]');
    var rows = rollout.querySelector('[data-rollout-nodes]');
    var poll = function () {
      fetch(rollout.getAttribute('data-rollout'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (answer) {
          if (!answer.ok || answer.headers.get('Content-Type').indexOf('json') < 0) { throw new Error('session'); }
          return answer.json();
        })
        .then(function (state) {
          render(state);
          if (!state.done) { setTimeout(poll, 500); }
        })
        .catch(function () { window.location.reload(); });
    };
    var render = function (state) {
      rows.textContent = '';
      var applied = 0;
      state.nodes.forEach(function (node) {
        if (node.applied) { applied++; }
        var tr = document.createElement('tr');
        tr.className = node.applied ? 'ok' : 'stale';
        [node.id, node.address || '', node.appliedRevision + ' / ' + state.revision,
          node.applied ? 'applied' : node.status].forEach(function (text) {
          var td = document.createElement('td');
          td.textContent = text;
          tr.appendChild(td);
        });
        rows.appendChild(tr);
      });
      if (!state.done) {
        status.textContent = 'Waiting for nodes: ' + applied + ' of ' + state.nodes.length + ' applied revision ' + state.revision + '…';
      } else if (state.nodes.length === 0) {
        status.textContent = 'Stored. No node is connected: nodes get it when they connect.';
      } else {
        status.textContent = 'All nodes applied revision ' + state.revision + '.';
      }
    };
    if (!/All nodes applied|No node is connected/.test(status.textContent)) { setTimeout(poll, 300); }
  }
})();

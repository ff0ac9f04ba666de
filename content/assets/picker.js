/* Collections Playbook: the situation picker (picker.html).
 *
 * The reader ticks signals; the ranked tactics and the merged checklist appear at once.  No request leaves the
 * page: the data is the JSON in <script id="playbook-picker-data">, written by generator/picker.py.
 *
 * rank() repeats generator/matching.py rank_tactics and merge() repeats generator/checklists.py
 * build_checklist step by step; tests/test_picker.py runs this file with Node on many signal sets and
 * compares the output with the Python functions.  Keep them in step.
 *
 * Every text from the data is inserted with textContent, never as HTML.
 */
(function () {
  "use strict";

  /* matching.py rank_tactics: the tactics whose rules match the observed signals, best first. */
  function rank(data, observed) {
    // order = list(dict.fromkeys(observed)); present = set(order)
    var order = [];
    observed.forEach(function (s) { if (order.indexOf(s) < 0) { order.push(s); } });
    var present = {};
    order.forEach(function (s) { present[s] = true; });
    var found = [];
    data.tactics.forEach(function (tactic) {
      // rules = the triggers whose every signal is present, each with the observed signals it relies on
      var rules = [];
      tactic.rules.forEach(function (rule) {
        if (rule.signals.every(function (s) { return present[s] === true; })) {
          rules.push({ says: rule.says, signals: order.filter(function (s) { return rule.signals.indexOf(s) >= 0; }) });
        }
      });
      if (rules.length === 0) { return; }
      // covered: the observed signals the matching rules account for, in the order observed
      var covered = order.filter(function (s) {
        return rules.some(function (rule) { return rule.signals.indexOf(s) >= 0; });
      });
      // specificity: sum of signal_weights over the covered signals, as whole numbers over data.denominator
      var specificity = 0;
      covered.forEach(function (s) { specificity += data.weights[s]; });
      found.push({ tactic: tactic, rules: rules, covered: covered, specificity: specificity });
    });
    // key = (-coverage, -specificity, PHASE_ORDER index, number is None, number or 0, id)
    found.sort(function (a, b) {
      return (b.covered.length - a.covered.length) ||
        (b.specificity - a.specificity) ||
        (a.tactic.order - b.tactic.order) ||
        ((a.tactic.number === null ? 1 : 0) - (b.tactic.number === null ? 1 : 0)) ||
        ((a.tactic.number || 0) - (b.tactic.number || 0)) ||
        (a.tactic.id < b.tactic.id ? -1 : a.tactic.id > b.tactic.id ? 1 : 0);
    });
    found.forEach(function (match, index) { match.rank = index + 1; });
    return found;
  }

  /* checklists.py _merge, _item and build_checklist: the sections of the merged checklist. */
  function merge(data, matches) {
    var byPause = {};
    var seen = {};
    matches.forEach(function (match) {
      match.tactic.checklist.forEach(function (item) {
        var key = item.pause + "\u0000" + item.key;  // (item.pause, normalise(item.text.en))
        var merged = seen[key];
        if (merged === undefined) {
          merged = { first: item, killer: item.killer, value: item.value !== null ? item : null, tactics: [] };
          seen[key] = merged;
          (byPause[item.pause] = byPause[item.pause] || []).push(merged);
        }
        merged.killer = merged.killer || item.killer;
        if (merged.value === null && item.value !== null) { merged.value = item; }
        if (merged.tactics.indexOf(match.tactic.id) < 0) { merged.tactics.push(match.tactic.id); }
      });
    });
    var sections = [];
    data.pause_points.forEach(function (point) {
      var merged = byPause[point.id];
      if (!merged || merged.length === 0) { return; }
      var ordered = merged.filter(function (m) { return m.killer; })
        .concat(merged.filter(function (m) { return !m.killer; }));
      var items = ordered.map(function (m) {
        return { text: m.first.text, killer: m.killer, value: m.value !== null ? m.value.value : null, tactics: m.tactics };
      });
      sections.push({
        id: point.id, label: point.label, mode: point.mode, mode_note: point.mode_note,
        items: items.slice(0, data.max_items), also_consider: items.slice(data.max_items)
      });
    });
    var used = {};
    sections.forEach(function (section) {
      section.items.concat(section.also_consider).forEach(function (item) {
        item.tactics.forEach(function (id) { used[id] = true; });
      });
    });
    var tactics = matches.filter(function (m) { return used[m.tactic.id] === true; })
      .map(function (m) { return m.tactic.id; });
    return { sections: sections, tactics: tactics };
  }

  /* Both at once, for the tests: plain ids and texts only. */
  function advise(data, observed) {
    var matches = rank(data, observed);
    var checklist = merge(data, matches);
    return {
      matches: matches.map(function (m) {
        return { id: m.tactic.id, rank: m.rank, covered: m.covered, reasons: m.rules.map(function (r) { return r.says; }) };
      }),
      sections: checklist.sections,
      tactics: checklist.tactics
    };
  }

  function format(template, fields) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(fields, name) ? String(fields[name]) : whole;
    });
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { rank: rank, merge: merge, advise: advise, format: format };
    return;
  }

  /* ------------------------------------------------------------------------------------------ the page */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function ticksFromHash(hash) {
    var match = /(?:^#|&)signals=([^&]*)/.exec(hash || "");
    if (!match) { return []; }
    return decodeURIComponent(match[1]).split(",").filter(function (s) { return s.length > 0; });
  }

  function start() {
    var root = document.getElementById("playbook-picker");
    var source = document.getElementById("playbook-picker-data");
    if (!root || !source) { return; }
    var data = JSON.parse(source.textContent);
    var ui = data.ui;
    var labels = {};
    data.signals.forEach(function (s) { labels[s.id] = s.label; });
    var boxes = Array.prototype.slice.call(root.querySelectorAll("input[name=signal]"));
    var output = document.getElementById("playbook-picker-output");
    var status = document.getElementById("playbook-picker-status");
    var share = document.getElementById("playbook-picker-share");
    document.body.classList.add("playbook-picker-page");

    function ticked() {
      return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    }

    function setHash(ids) {
      var hash = ids.length ? "#signals=" + ids.join(",") : "";
      var target = location.href.split("#")[0] + hash;
      share.href = ids.length ? target : "#";
      if (location.hash === hash) { return; }
      try {
        history.replaceState(history.state, "", target || location.pathname);
      } catch (error) {
        location.replace(hash || "#");
      }
    }

    function render() {
      var observed = ticked();
      setHash(observed);
      share.hidden = observed.length === 0;
      while (output.firstChild) { output.removeChild(output.firstChild); }
      if (observed.length === 0) {
        status.textContent = ui.picker_empty;
        return;
      }
      var matches = rank(data, observed);
      var checklist = merge(data, matches);
      var count = 0;
      checklist.sections.forEach(function (s) { count += s.items.length + s.also_consider.length; });
      status.textContent = matches.length ? format(ui.picker_status, { count: matches.length, items: count })
        : ui.picker_status_none;
      if (!matches.length) {
        output.appendChild(el("p", "", ui.no_match));
        return;
      }
      var names = observed.map(function (id) { return labels[id]; });

      output.appendChild(el("h3", "", ui.ranked_tactics));
      var list = el("ol", "playbook-picker__tactics");
      matches.forEach(function (m) {
        var li = el("li", "playbook-picker__tactic");
        li.setAttribute("data-tactic", m.tactic.id);
        var name = el("a", "playbook-picker__tactic-name", m.tactic.name);
        name.href = m.tactic.href;
        li.appendChild(name);
        li.appendChild(el("span", "playbook-picker__meta", " (" + m.tactic.phase + "; " +
          format(ui.coverage, { count: m.covered.length, total: observed.length }) + ")"));
        var reasons = el("ul", "playbook-picker__reasons");
        m.rules.forEach(function (rule) {
          reasons.appendChild(el("li", "", ui.matched_because + ui.colon_space + rule.says));
        });
        li.appendChild(reasons);
        list.appendChild(li);
      });
      output.appendChild(list);

      var sheet = el("div", "playbook-picker__checklist");
      sheet.appendChild(el("h3", "", format(ui.checklist_title_signals, { subject: names.join(", ") })));
      sheet.appendChild(el("p", "playbook-picker__version", data.version_line));
      var signalsLine = el("p", "");
      signalsLine.appendChild(el("strong", "", ui.signals + ui.colon));
      signalsLine.appendChild(document.createTextNode(" " + names.join("; ")));
      sheet.appendChild(signalsLine);
      checklist.sections.forEach(function (section) {
        var box = el("section", "playbook-picker__section");
        box.setAttribute("data-pause", section.id);
        box.appendChild(el("h4", "", section.label));
        box.appendChild(el("p", "playbook-picker__mode", section.mode_note));
        var items = el("ul", "playbook-picker__items");
        section.items.forEach(function (item) {
          var li = el("li", "playbook-picker__item" + (item.killer ? " playbook-picker__item--killer" : ""));
          var text = el(item.killer ? "strong" : "span", "playbook-picker__item-text", item.text);
          li.appendChild(text);
          if (item.killer) { li.appendChild(el("span", "playbook-picker__killer", " (" + ui.killer + ")")); }
          if (item.value !== null) {
            li.appendChild(el("span", "playbook-picker__value", item.value + ui.colon_space));
          }
          items.appendChild(li);
        });
        box.appendChild(items);
        if (section.also_consider.length) {
          var also = el("p", "playbook-picker__also");
          also.appendChild(el("strong", "", ui.also_consider + ui.colon));
          also.appendChild(document.createTextNode(" " + section.also_consider.map(function (i) { return i.text; }).join("; ")));
          box.appendChild(also);
        }
        sheet.appendChild(box);
      });
      var byId = {};
      data.tactics.forEach(function (t) { byId[t.id] = t; });
      if (checklist.tactics.length) {
        sheet.appendChild(el("h4", "", ui.from_tactics));
        var from = el("ul", "playbook-picker__from");
        checklist.tactics.forEach(function (id) { from.appendChild(el("li", "", byId[id].name)); });
        sheet.appendChild(from);
      }
      output.appendChild(sheet);
    }

    function restore() {
      var wanted = ticksFromHash(location.hash);
      boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) >= 0; });
      render();
    }

    boxes.forEach(function (b) { b.addEventListener("change", render); });
    document.getElementById("playbook-picker-clear").addEventListener("click", function () {
      boxes.forEach(function (b) { b.checked = false; });
      render();
    });
    document.getElementById("playbook-picker-print").addEventListener("click", function () { window.print(); });
    window.addEventListener("hashchange", restore);
    restore();
    root.classList.add("playbook-picker--ready");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

// The post editor's "Suggest" button: asks /codes/suggest and shows the answer as checkboxes.
(function () {
  "use strict";
  var GROUPS = [["settings", "Settings", "slug"], ["specialties", "Specialties", "slug"], ["credentials", "Credentials", "code"]];

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function fieldValue(form, name) {
    var field = form.querySelector("[name='" + name + "']");
    return field ? field.value : "";
  }

  // The form's own choices: <select multiple> options or checkbox lists (the editor's checklists).
  function chosenValues(form, name) {
    var selector = "select[name='" + name + "'] option, select[name^='" + name + "_'] option, " +
      "input[type=checkbox][name='" + name + "'], input[type=checkbox][name^='" + name + "_']";
    var values = [];
    Array.prototype.forEach.call(form.querySelectorAll(selector), function (node) {
      if ((node.selected || node.checked) && !node.closest(".code-suggestions")) { values.push(node.value); }
    });
    return values;
  }

  // The editor splits credentials into required and preferred lists; other forms have one list.
  function targetName(form, name, item) {
    if (name === "credentials") {
      var split = "credentials_" + (item.required === true ? "required" : "preferred");
      if (form.querySelector("[name='" + split + "']")) { return split; }
    }
    return name;
  }

  // The form's own control for one value: a <select> option or a checkbox outside this box; null if none.
  function targetControl(form, name, item, value) {
    var field = targetName(form, name, item);
    var select = form.querySelector("select[name='" + field + "']");
    if (select) {
      return Array.prototype.find.call(select.options, function (o) { return o.value === value; }) || null;
    }
    var boxes = form.querySelectorAll("input[type=checkbox][name='" + field + "']");
    return Array.prototype.find.call(boxes, function (b) { return b.value === value && !b.closest(".code-suggestions"); }) || null;
  }

  function setChosen(control, on) {
    if (control.tagName === "OPTION") { control.selected = on; } else { control.checked = on; }
  }

  function hasOwnField(form, name, item) {
    var field = targetName(form, name, item);
    var nodes = form.querySelectorAll("select[name='" + field + "'], input[type=checkbox][name='" + field + "']");
    return Array.prototype.some.call(nodes, function (node) { return !node.closest(".code-suggestions"); });
  }

  function render(box, form, data) {
    var results = box.querySelector("[data-suggest-results]");
    results.textContent = "";
    GROUPS.forEach(function (group) {
      var name = group[0], items = data[name] || [];
      if (!items.length) { return; }
      var fieldset = el("fieldset", {"class": "mb-2"});
      fieldset.appendChild(el("legend", {"class": "small fw-semibold mb-1"}, group[1]));
      items.forEach(function (item) {
        var value = item[group[2]], id = "suggest-" + name + "-" + value.replace(/[^A-Za-z0-9-]/g, "");
        var wrap = el("div", {"class": "form-check form-check-inline"});
        var box_ = el("input", {"class": "form-check-input", type: "checkbox", id: id, value: value});
        box_.checked = true;
        if (hasOwnField(form, name, item)) {
          // Ticking here ticks (or selects) the same value in the form's own field, which is what is submitted.
          var control = targetControl(form, name, item, value);
          if (control) { setChosen(control, true); }
          box_.addEventListener("change", function () { if (control) { setChosen(control, box_.checked); } });
        } else {
          box_.name = name;
        }
        var text = item.name + (item.required === true ? " (required)" : item.required === false ? " (preferred)" : "");
        var label = el("label", {"class": "form-check-label", "for": id, title: (item.evidence || []).join(", ")}, text);
        wrap.appendChild(box_);
        wrap.appendChild(label);
        wrap.appendChild(el("input", {type: "hidden", name: "suggested_" + name, value: value}));
        fieldset.appendChild(wrap);
      });
      results.appendChild(fieldset);
    });
    if (data.codes && data.codes.length) {
      results.appendChild(el("p", {"class": "small mb-0"}, "Codes found: " + data.codes.map(function (c) { return c.code; }).join(", ")));
    }
    if (data.note) { results.appendChild(el("p", {"class": "small text-body-secondary mb-0"}, data.note)); }
  }

  function suggest(box) {
    var form = box.closest("form") || document;
    var status = box.querySelector("[data-suggest-status]");
    var token = form.querySelector("[name='csrf_token']");
    var body = {
      title: fieldValue(form, box.dataset.titleField),
      description: fieldValue(form, box.dataset.descriptionField)
    };
    GROUPS.forEach(function (group) { body[group[0]] = chosenValues(form, group[0]); });
    status.textContent = "Reading your post…";
    fetch(box.dataset.suggestUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": token ? token.value : ""},
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (data) { return {ok: response.ok, data: data}; });
    }).then(function (answer) {
      if (!answer.ok) { status.textContent = (answer.data.error && answer.data.error.message) || "Could not suggest anything."; return; }
      var count = GROUPS.reduce(function (n, g) { return n + (answer.data[g[0]] || []).length; }, 0);
      status.textContent = count ? count + " suggestions — untick any that don't fit." : "Nothing to suggest yet: say more about the job.";
      render(box, form, answer.data);
    }).catch(function () { status.textContent = "Could not reach the server. Try again."; });
  }

  document.querySelectorAll(".code-suggestions").forEach(function (box) {
    box.querySelector("[data-suggest-button]").addEventListener("click", function () { suggest(box); });
  });
})();

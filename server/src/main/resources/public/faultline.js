// Faultline's only script of its own. No inline scripts anywhere (the CSP forbids them): pages
// mark elements with data-* attributes and this file gives them behaviour.
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // htmx requests carry the session's CSRF token, as forms do in their _csrf field.
  document.addEventListener("htmx:configRequest", function (event) {
    event.detail.headers["X-CSRF-Token"] = csrfToken();
  });

  document.addEventListener("click", function (event) {
    var copy = event.target.closest("[data-copy]");
    if (copy) {
      var source = document.querySelector(copy.getAttribute("data-copy"));
      if (source && navigator.clipboard) {
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
          var label = copy.textContent;
          copy.textContent = "Copied";
          setTimeout(function () { copy.textContent = label; }, 1500);
        });
      }
    }
    var all = event.target.closest("[data-select-all]");
    if (all) {
      var form = all.closest("form") || document;
      form.querySelectorAll('input[type="checkbox"][name="' + all.getAttribute("data-select-all") + '"]')
        .forEach(function (box) { box.checked = all.checked; });
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.matches("[data-autosubmit]")) {
      field.form.requestSubmit();
    }
    var toggle = field.closest("[data-show-when]");
    if (toggle) { showDependents(); }
  });

  // <select data-show-when> reveals elements whose data-when names the chosen value.
  function showDependents() {
    document.querySelectorAll("[data-when]").forEach(function (element) {
      var select = document.querySelector(element.getAttribute("data-when-of"));
      var shown = select && element.getAttribute("data-when").split(" ").indexOf(select.value) >= 0;
      element.hidden = !shown;
    });
  }

  // <div data-chart="/groups/1/chart.json?range=7d"> becomes a uPlot bar chart of occurrences.
  function drawCharts() {
    document.querySelectorAll("[data-chart]").forEach(function (element) {
      if (typeof uPlot === "undefined") { return; }
      fetch(element.getAttribute("data-chart"), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          element.textContent = "";
          var width = Math.max(element.clientWidth, 300);
          var options = {
            width: width,
            height: 180,
            legend: { show: false },
            cursor: { drag: { x: false, y: false } },
            scales: { x: { time: true } },
            axes: [{}, { size: 50 }],
            series: [{}, {
              label: "Occurrences",
              stroke: "#c0392b",
              fill: "rgba(192,57,43,0.25)",
              paths: uPlot.paths.bars({ size: [0.8, 60] }),
              points: { show: false }
            }]
          };
          new uPlot(options, [data.times, data.counts], element);
          element.setAttribute("data-chart-drawn", String(data.counts.length));
        });
    });
  }

  function ready() {
    showDependents();
    drawCharts();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
  document.addEventListener("htmx:afterSettle", drawCharts);
})();

// <form data-drop-empty hx-get=…> leaves blank fields out of its htmx requests, so that the URL
// pushed to the history names only the filters in use.
(function () {
  "use strict";
  document.addEventListener("htmx:configRequest", function (event) {
    var form = event.detail.elt;
    if (!form || !form.matches || !form.matches("form[data-drop-empty]")) { return; }
    var parameters = event.detail.parameters;
    Array.from(parameters.keys()).forEach(function (name) {
      if (parameters.getAll(name).every(function (value) { return value === ""; })) {
        parameters.delete(name);
      }
    });
  });
})();

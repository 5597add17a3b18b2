// Seamline portal: htmx requests carry the CSRF token of the page, like the forms do.
document.addEventListener("htmx:configRequest", function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});
// "Select all" boxes in tables of tasks.
document.addEventListener("change", function (event) {
  if (event.target.matches("input[data-select-all]")) {
    var form = event.target.closest("form");
    form.querySelectorAll('input[name="' + event.target.dataset.selectAll + '"]').forEach(function (box) {
      box.checked = event.target.checked;
    });
  }
});

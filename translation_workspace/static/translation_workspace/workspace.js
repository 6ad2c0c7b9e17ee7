// "Use" on a translation memory suggestion copies it into the target field.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-tw-use]");
  if (!button) return;
  const field = document.getElementById(button.dataset.twUse);
  if (!field || field.readOnly) return;
  field.value = button.dataset.twText;
  field.dispatchEvent(new Event("input", { bubbles: true }));
  field.focus();
});

/* "Approve" on the dashboard asks first (staff_admin/workflow.py): it opens Wagtail's approval dialog,
   whose optional comment makes the separate "Approve with comment" redundant. Wagtail's
   workflow-action.js reads data-launch-modal when the button is clicked, so setting it here is enough. */
document.addEventListener('DOMContentLoaded', () => {
  const approval = /\/approve\/\d+\/$/;
  const rows = new Map();
  document.querySelectorAll('button[data-workflow-action-url]').forEach((button) => {
    if (!approval.test(button.dataset.workflowActionUrl)) return;
    const url = button.dataset.workflowActionUrl;
    if (rows.has(url)) {
      button.remove(); // the "with comment" twin of the same approval
      return;
    }
    rows.set(url, button);
    button.dataset.launchModal = '';
  });
});

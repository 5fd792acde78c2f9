/**
 * Puts problem+json `errors[]` next to the inputs they name. The service names create-order fields
 * `customer.<field>` and calls the civic number `civicNumber` there, `streetNumber` in the approval:
 * both land on the same input.
 */
const ALIASES = { civicNumber: 'streetNumber' };

function inputFor(form, field) {
  const name = field.replace(/^customer\./, '');
  return form.elements.namedItem(ALIASES[name] ?? name);
}

export function clearFieldErrors(form) {
  for (const message of form.querySelectorAll('.field-error')) message.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

/** Marks each named input; answers the errors that name no input on this form. */
export function showFieldErrors(form, errors) {
  const unplaced = [];
  for (const error of errors) {
    const input = inputFor(form, error.field);
    const message = input && document.getElementById(`${input.name}-error`);
    if (!message) {
      unplaced.push(error);
      continue;
    }
    input.setAttribute('aria-invalid', 'true');
    message.textContent = message.textContent ? `${message.textContent} ${error.message}` : error.message;
  }
  form.querySelector('[aria-invalid="true"]')?.focus();
  return unplaced;
}

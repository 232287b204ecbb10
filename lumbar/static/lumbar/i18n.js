// Translation for the page scripts: Django's JavaScript catalogue (the jsi18n script, loaded by the page before
// its modules) supplies the strings in the reader's language; without it, the English text stands.
export function gettext(text) {
  const django = globalThis.django;
  return django && typeof django.gettext === "function" ? django.gettext(text) : text;
}

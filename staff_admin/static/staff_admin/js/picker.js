/* The editor's language picker (see staff_admin/picker.py for what it promises). */
(() => {
  'use strict';

  const configElement = document.getElementById('portal-picker-config');
  const form = document.querySelector('form[data-edit-form]');
  if (!configElement || !form) return;
  const config = JSON.parse(configElement.textContent);
  const codes = config.languages.map((language) => language.code);
  const byCode = Object.fromEntries(config.languages.map((language) => [language.code, language]));
  // wagtail-modeltranslation labels each language's field "Title [ru]" (with "*" when required).
  const tagPattern = new RegExp(` \\[(${codes.map((code) => code.replace('-', '\\-')).join('|')})\\]\\s*\\*?\\s*$`);
  const HIDDEN = 'portal-lang-hidden';

  let shown = new Set(config.shown.filter((code) => codes.includes(code)));
  const fieldsByLanguage = new Map(codes.map((code) => [code, []]));

  /** The element holding a field's or panel's own label text (not its children's). */
  function ownLabel(element) {
    if (element.matches('[data-panel]')) {
      const id = element.getAttribute('aria-labelledby');
      const heading = id && element.querySelector(`#${CSS.escape(id)}`);
      return heading && (heading.querySelector('[data-panel-heading-text]') || heading);
    }
    const label = element.querySelector('label');
    return label && label.closest('.w-panel__wrapper, [data-field-wrapper]') === element ? label : null;
  }

  /** Replace the " [ru]" tag by the language's own name, and remember the element under its language. */
  function claim(element) {
    if (element.dataset.portalLang) return;
    const label = ownLabel(element);
    if (!label) return;
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const match = tagPattern.exec(node.textContent);
      if (!match) continue;
      const code = match[1];
      node.textContent = node.textContent.replace(` [${code}]`, ' ');
      const badge = document.createElement('span');
      badge.className = 'portal-lang-badge';
      badge.lang = code;
      badge.dir = byCode[code].dir;
      badge.textContent = byCode[code].name;
      node.after(badge);
      element.dataset.portalLang = code;
      const field = element.querySelector('[data-contentpath]');
      if (field) element.dataset.portalField = field.dataset.contentpath.replace(`_${code.replace('-', '_')}`, '');
      fieldsByLanguage.get(code).push(element);
      // Only the source language is required: other languages' placeholders lose the "*" ("Page title*").
      if (code !== config.source) {
        element.querySelectorAll('[placeholder$="*"]').forEach((input) => {
          input.placeholder = input.placeholder.replace(/\s*\*$/, '');
        });
      }
      return;
    }
  }

  function scan(root) {
    root.querySelectorAll('[data-panel], .w-panel__wrapper, [data-field-wrapper]').forEach(claim);
  }

  /** The side outline lists panels by their anchors: a hidden language's panels lose theirs. */
  function syncOutline() {
    form.querySelectorAll('[data-panel-anchor], [data-portal-anchor]').forEach((anchor) => {
      const hidden = anchor.closest(`.${HIDDEN}`) !== null;
      if (hidden && anchor.hasAttribute('data-panel-anchor')) {
        anchor.removeAttribute('data-panel-anchor');
        anchor.setAttribute('data-portal-anchor', '');
      } else if (!hidden && anchor.hasAttribute('data-portal-anchor')) {
        anchor.removeAttribute('data-portal-anchor');
        anchor.setAttribute('data-panel-anchor', '');
      }
    });
    document.dispatchEvent(new CustomEvent('wagtail:panel-init', { bubbles: true }));
  }

  /** One help text per field: only the first language shown keeps it. */
  function syncHelp() {
    const seen = new Set();
    form.querySelectorAll('[data-portal-lang][data-portal-field]').forEach((element) => {
      const help = element.querySelectorAll('.w-field__help, .help');
      const key = `${element.closest('[data-inline-panel-child]')?.id || ''}:${element.dataset.portalField}`;
      const first = !element.classList.contains(HIDDEN) && !seen.has(key);
      if (first) seen.add(key);
      help.forEach((node) => {
        if (node.closest('[data-portal-lang]') === element) node.classList.toggle('portal-help-repeated', !first);
      });
    });
  }

  function apply() {
    fieldsByLanguage.forEach((elements, code) => {
      elements.forEach((element) => element.classList.toggle(HIDDEN, !shown.has(code)));
    });
    buttons.forEach((button, code) => button.setAttribute('aria-pressed', String(shown.has(code))));
    allButton.setAttribute('aria-pressed', String(shown.size === codes.length));
    syncHelp();
    syncOutline();
  }

  function save() {
    const wagtail = JSON.parse(document.getElementById('wagtail-config')?.textContent || '{}');
    fetch(config.saveUrl, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', [wagtail.CSRF_HEADER_NAME]: wagtail.CSRF_TOKEN },
      body: JSON.stringify({ [config.storageKey]: codes.filter((code) => shown.has(code)) }),
    }).catch(() => {}); // The choice still holds on this page; it is only not remembered.
  }

  function button(label, attributes) {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = 'portal-picker__language';
    Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
    element.textContent = label;
    return element;
  }

  // The bar.
  const bar = document.createElement('div');
  bar.className = 'portal-picker';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-labelledby', 'portal-picker-heading');
  const heading = document.createElement('h2');
  heading.id = 'portal-picker-heading';
  heading.className = 'portal-picker__heading';
  heading.textContent = config.strings.heading;
  heading.title = config.strings.hint;
  bar.append(heading);
  const list = document.createElement('div');
  list.className = 'portal-picker__languages';
  bar.append(list);

  const buttons = new Map();
  config.languages.forEach((language) => {
    const element = button(language.name, { lang: language.code, dir: language.dir, 'data-lang': language.code });
    const note = language.code === config.source ? config.strings.source : config.own.includes(language.code) ? config.strings.yours : '';
    if (note) {
      const small = document.createElement('small');
      small.className = 'portal-picker__note';
      small.lang = document.documentElement.lang;
      small.dir = document.documentElement.dir;
      small.textContent = note;
      element.append(small);
    }
    element.addEventListener('click', () => {
      if (shown.has(language.code) && shown.size > 1) shown.delete(language.code);
      else shown.add(language.code);
      apply();
      save();
    });
    buttons.set(language.code, element);
    list.append(element);
  });
  const allButton = button(config.strings.all, { 'data-lang': 'all' });
  allButton.classList.add('portal-picker__all');
  allButton.addEventListener('click', () => {
    shown = shown.size === codes.length ? new Set([config.source, ...config.own]) : new Set(codes);
    apply();
    save();
  });
  list.append(allButton);

  scan(form);
  if (![...fieldsByLanguage.values()].some((elements) => elements.length)) return; // nothing translated here
  const top = form.querySelector('.tab-content') || form;
  top.prepend(bar);
  apply();

  // Inline rows and StreamField blocks added later get the same treatment.
  new MutationObserver((records) => {
    let added = false;
    records.forEach((record) =>
      record.addedNodes.forEach((node) => {
        if (node.nodeType === Node.ELEMENT_NODE && !bar.contains(node)) {
          const before = [...fieldsByLanguage.values()].reduce((sum, elements) => sum + elements.length, 0);
          if (node.matches('[data-panel], .w-panel__wrapper, [data-field-wrapper]')) claim(node);
          scan(node);
          added = added || before !== [...fieldsByLanguage.values()].reduce((sum, elements) => sum + elements.length, 0);
        }
      }),
    );
    if (added) apply();
  }).observe(form, { childList: true, subtree: true });
})();

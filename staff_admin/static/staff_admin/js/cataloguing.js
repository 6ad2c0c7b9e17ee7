/*
 * Cataloguing help in the editor (staff_admin/cataloguing.py).
 * Every word shown comes from the page: the JSON in #cataloguing-config or the data- attributes
 * rendered by the server in the user's language.
 */
(function () {
  'use strict';

  const configElement = document.getElementById('cataloguing-config');
  if (!configElement) return;
  const config = JSON.parse(configElement.textContent);
  const text = config.text;

  function getJSON(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(
      (response) => response.json().then((data) => ({ ok: response.ok, data })),
    );
  }

  function helpBlock(kind, attribute) {
    const block = document.createElement('div');
    block.className = `help-block help-${kind}`;
    block.setAttribute(attribute, '');
    block.setAttribute('role', 'status');
    block.hidden = true;
    return block;
  }

  function setMessage(block, kind, message) {
    block.className = `help-block help-${kind}`;
    block.replaceChildren();
    const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    icon.setAttribute('class', `icon icon-${kind === 'info' ? 'help' : 'warning'}`);
    icon.setAttribute('aria-hidden', 'true');
    const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
    use.setAttribute('href', `#icon-${kind === 'info' ? 'help' : 'warning'}`);
    icon.append(use);
    const words = document.createElement('span');
    words.textContent = message;
    block.append(icon, words);
    block.hidden = false;
    return words;
  }

  function normalize(value) {
    return (value || '').normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();
  }

  /* Materials (and any TermCheckboxes list): a filter box over the checkboxes. */
  function setUpTermFilters() {
    document.querySelectorAll('[data-cataloguing-terms]').forEach((list) => {
      const filter = list.querySelector('[data-cataloguing-terms-filter]');
      const empty = list.querySelector('[data-cataloguing-terms-empty]');
      const options = Array.from(list.querySelectorAll('input[type=checkbox]')).map((box) => {
        const label = box.closest('label');
        return {
          row: label && label.parentElement !== list ? label.parentElement : box,
          words: normalize(`${box.dataset.search || ''} ${label ? label.textContent : ''}`),
        };
      });
      filter.closest('[hidden]').hidden = false;
      filter.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') event.preventDefault(); // never submit the page from the filter
      });
      filter.addEventListener('input', () => {
        const query = normalize(filter.value);
        let shown = 0;
        options.forEach(({ row, words }) => {
          row.hidden = Boolean(query) && !words.includes(query);
          if (!row.hidden) shown += 1;
        });
        empty.hidden = shown > 0;
        empty.textContent = shown > 0 ? '' : list.dataset.emptyText.replace('%(name)s', filter.value.trim());
      });
    });
  }

  /* Date label → earliest and latest year, while both are empty (or still hold the suggestion). */
  function setUpYears() {
    const earliest = document.getElementById('id_earliest_year');
    const latest = document.getElementById('id_latest_year');
    const labels = document.querySelectorAll('input[name^="period_label_"]');
    if (!earliest || !latest || !labels.length || earliest.disabled) return;
    const note = helpBlock('info', 'data-cataloguing-years-note');
    note.id = 'cataloguing-years-note';
    (latest.closest('.w-field-row') || latest.closest('.w-field__wrapper') || latest).after(note);
    let suggestion = null;

    const isSuggested = () =>
      suggestion !== null &&
      earliest.value === String(suggestion.earliest) &&
      latest.value === String(suggestion.latest);
    const mayFill = () => (!earliest.value && !latest.value) || isSuggested();
    const mark = (on) => {
      [earliest, latest].forEach((input) => {
        if (on) {
          input.setAttribute('aria-describedby', note.id);
          input.dataset.cataloguingSuggested = '';
          input.style.fontStyle = 'italic';
        } else {
          input.removeAttribute('aria-describedby');
          delete input.dataset.cataloguingSuggested;
          input.style.fontStyle = '';
        }
      });
    };
    const forget = () => {
      if (isSuggested()) {
        earliest.value = '';
        latest.value = '';
      }
      suggestion = null;
      mark(false);
    };

    labels.forEach((label) => {
      label.addEventListener('change', () => {
        if (!mayFill()) return;
        const value = label.value.trim();
        if (!value) {
          forget();
          note.hidden = true;
          return;
        }
        getJSON(`${config.yearsUrl}?${new URLSearchParams({ label: value })}`)
          .then(({ ok, data }) => {
            if (!mayFill()) return; // the editor typed years meanwhile
            if (ok) {
              earliest.value = data.earliest;
              latest.value = data.latest;
              suggestion = data;
              mark(true);
              setMessage(note, 'info', text.suggested);
            } else {
              forget();
              setMessage(note, 'warning', `${text.notRead} ${data.message}`);
            }
          })
          .catch(() => {});
      });
    });
    [earliest, latest].forEach((input) =>
      input.addEventListener('input', () => {
        if (suggestion !== null && !isSuggested()) {
          suggestion = null;
          mark(false);
          note.hidden = true;
        }
      }),
    );
  }

  /* Accession number: flag a number the museum already uses as soon as it is typed. */
  function setUpAccessionNumber() {
    const input = document.querySelector('input[data-cataloguing-museum]');
    if (!input) return;
    const warning = helpBlock('warning', 'data-cataloguing-accession-warning');
    (input.closest('.w-field__input') || input).after(warning);
    let asked = 0;
    let timer = null;

    const check = () => {
      const number = input.value.trim();
      const question = ++asked;
      if (!number) {
        warning.hidden = true;
        return;
      }
      // Wagtail's autosave turns a new page into a saved one (and the address into its edit view):
      // from then on, the relic being edited is that page.
      const saved = /\/pages\/(\d+)\/edit\/?$/.exec(window.location.pathname);
      const params = new URLSearchParams({
        museum: input.dataset.cataloguingMuseum,
        page: saved ? saved[1] : input.dataset.cataloguingPage || '',
        number,
      });
      getJSON(`${config.accessionUrl}?${params}`)
        .then(({ ok, data }) => {
          if (question !== asked) return; // a later keystroke asked again
          if (!ok || !data.taken) {
            warning.hidden = true;
            return;
          }
          const words = setMessage(warning, 'warning', data.message);
          if (data.relic) {
            words.append(' ');
            const title = document.createElement(data.relic.url ? 'a' : 'strong');
            title.textContent = data.relic.title;
            if (data.relic.url) {
              title.href = data.relic.url;
              title.target = '_blank';
              title.rel = 'noopener';
            }
            words.append(title);
          }
        })
        .catch(() => {
          if (question === asked) setMessage(warning, 'warning', text.failed);
        });
    };
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(check, 300);
    });
    if (input.value.trim() && !input.dataset.cataloguingPage) check();
  }

  /* Vocabulary choosers: "Suggest it to the curators" (the chooser's results are loaded into a modal). */
  function setUpSuggestions() {
    document.addEventListener('click', (event) => {
      const button = event.target.closest('[data-cataloguing-suggest-term]');
      if (!button) return;
      event.preventDefault();
      const status = button.closest('[data-cataloguing-missing-term]').querySelector('[data-cataloguing-suggest-status]');
      const body = new FormData();
      body.append('vocabulary', button.dataset.vocabulary);
      body.append('name', button.dataset.name);
      const headers = { Accept: 'application/json' };
      headers[window.wagtailConfig.CSRF_HEADER_NAME] = window.wagtailConfig.CSRF_TOKEN;
      button.disabled = true;
      fetch(button.dataset.url, { method: 'POST', body, headers, credentials: 'same-origin' })
        .then((response) => response.json().then((data) => ({ ok: response.ok, data })))
        .then(({ ok, data }) => {
          setMessage(status, ok ? 'info' : 'warning', data.message);
          button.disabled = ok;
        })
        .catch(() => {
          setMessage(status, 'warning', text.failed);
          button.disabled = false;
        });
    });
  }

  /* A vocabulary's add form opened from a chooser ("Add it"): start from the name searched for. */
  function prefillNewTerm() {
    if (!config.vocabularyAddUrls.includes(window.location.pathname)) return;
    const name = new URLSearchParams(window.location.search).get('name');
    const field = document.getElementById('id_name_en');
    if (!name || !field || field.value) return;
    field.value = name;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    const slug = document.getElementById('id_slug');
    const ascii = normalize(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (slug && !slug.value && ascii) slug.value = ascii;
  }

  /* Gallery rows: a newly chosen image's default alt text starts an empty English alt text. */
  function setUpGalleryAltText() {
    document.addEventListener('change', (event) => {
      const row = /^id_gallery_images-(\d+)-image$/.exec(event.target.id || '');
      if (!row) return;
      // Wagtail's image chooser sets the default alt text just after announcing the change.
      setTimeout(() => {
        const alt = document.getElementById(`id_gallery_images-${row[1]}-alt_text_en`);
        const preview = document.querySelector(`#${event.target.id}-chooser [data-chooser-image]`);
        const text = preview ? preview.getAttribute('data-default-alt-text') : '';
        if (alt && !alt.value && !alt.disabled && text) alt.value = text;
      }, 0);
    });
  }

  function start() {
    setUpTermFilters();
    setUpYears();
    setUpAccessionNumber();
    setUpSuggestions();
    setUpGalleryAltText();
    prefillNewTerm();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

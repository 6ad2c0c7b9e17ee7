// Suggestions under the header's search box (progressive enhancement: without this script the box is
// a plain form). ARIA combobox: arrows move through the list, Enter opens the chosen one, Escape closes.
(() => {
  const form = document.querySelector(".site-search");
  const input = form && form.querySelector("input[name='q']");
  if (!input || !window.fetch) return;
  const list = document.createElement("ul");
  list.id = "site-search-suggestions";
  list.className = "site-search__suggestions";
  list.setAttribute("role", "listbox");
  list.hidden = true;
  form.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("autocomplete", "off");
  const endpoint = form.getAttribute("action") + "suggest/";
  let timer = null;
  let active = -1;
  let latest = 0;

  const options = () => Array.from(list.querySelectorAll("[role='option']"));
  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };
  const highlight = (index) => {
    const items = options();
    if (!items.length) return;
    active = (index + items.length) % items.length;
    items.forEach((item, i) => item.setAttribute("aria-selected", String(i === active)));
    input.setAttribute("aria-activedescendant", items[active].id);
  };
  const show = (suggestions) => {
    list.replaceChildren();
    suggestions.forEach((suggestion, i) => {
      const item = document.createElement("li");
      item.id = `site-search-suggestion-${i}`;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      const link = document.createElement("a");
      link.href = suggestion.url;
      link.tabIndex = -1;
      link.textContent = suggestion.label;
      const kind = document.createElement("span");
      kind.className = "site-search__kind";
      kind.textContent = suggestion.kind;
      link.append(" ", kind);
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = suggestions.length === 0;
    input.setAttribute("aria-expanded", String(!list.hidden));
    active = -1;
  };
  const fetchSuggestions = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) return close();
    try {
      const response = await fetch(`${endpoint}?${new URLSearchParams({ q: query })}`, { headers: { Accept: "application/json" } });
      if (!response.ok || ticket !== latest) return;
      show((await response.json()).suggestions || []);
    } catch (error) {
      close();
    }
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.assign(options()[active].querySelector("a").href);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 200));
})();

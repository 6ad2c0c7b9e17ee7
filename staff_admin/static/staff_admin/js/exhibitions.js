/* The relic chooser widget (staff_admin/exhibitions.py): Wagtail's chooser, also showing the
 * chosen relic's thumbnail, museum and accession number. Every text it shows comes from the
 * server (the widget's template, or the chooser's answer), none is written here. */
(() => {
  'use strict';

  const BaseChooser = window.Chooser;
  const BaseFactory = window.telepath && window.telepath.constructors['wagtail.admin.widgets.Chooser'];
  if (!BaseChooser || !BaseFactory || window.RelicChooser) return;

  class RelicChooser extends BaseChooser {
    initHTMLElements(id) {
      super.initHTMLElements(id);
      const find = (selector) => this.chooserElement.querySelector(selector);
      this.thumbnailElement = find('[data-relic-thumbnail]');
      this.noThumbnailElement = find('[data-relic-no-thumbnail]');
      this.museumElement = find('[data-relic-museum]');
      this.accessionNumberElement = find('[data-relic-accession-number]');
    }

    getStateFromHTML() {
      const state = super.getStateFromHTML();
      if (state) {
        const image = this.thumbnailElement;
        state.thumbnail = image.hidden
          ? null
          : { url: image.getAttribute('src'), width: image.getAttribute('width'), height: image.getAttribute('height') };
        state.museum = this.museumElement.textContent;
        state.accession_number = this.accessionNumberElement.textContent;
      }
      return state;
    }

    renderState(state) {
      super.renderState(state);
      const image = this.thumbnailElement;
      if (state.thumbnail) {
        image.setAttribute('src', state.thumbnail.url);
        image.setAttribute('width', state.thumbnail.width);
        image.setAttribute('height', state.thumbnail.height);
      } else {
        image.removeAttribute('src');
      }
      image.hidden = !state.thumbnail;
      this.noThumbnailElement.hidden = Boolean(state.thumbnail);
      this.museumElement.textContent = state.museum || '';
      this.accessionNumberElement.textContent = state.accession_number || '';
    }
  }

  class RelicChooserFactory extends BaseFactory {
    widgetClass = RelicChooser;
  }

  window.RelicChooser = RelicChooser;
  window.telepath.register('staff_admin.RelicChooser', RelicChooserFactory);
})();

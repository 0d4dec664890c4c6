"""Every page of the navigation exists and has a title in both languages."""

from civhub import config, i18n
from civhub.ui.pages import PAGES


def test_every_page_file_exists_and_is_titled():
    for url, path, title in PAGES:
        assert (config.ROOT / path).is_file(), path
        assert i18n.t(title, "el") and i18n.t(title, "en")
        assert url.isascii() and url.isidentifier()

"""Once the server answers, it says where to open the app (it runs headless: no browser opens)."""

import pytest

from sciatica.ui.server import ready_message

pytestmark = pytest.mark.timeless


@pytest.mark.parametrize(
    ("address", "url"),
    [
        ("127.0.0.1", "http://localhost:8600 (on this computer only)"),
        ("localhost", "http://localhost:8600 (on this computer only)"),
        ("::1", "http://[::1]:8600 (on this computer only)"),
        ("192.168.1.20", "http://192.168.1.20:8600."),
        ("fd00::20", "http://[fd00::20]:8600."),
        ("0.0.0.0", "http://localhost:8600 on this computer, and at this computer's network"),
        (None, "http://localhost:8600 on this computer, and at this computer's network"),
    ],
)
def test_the_ready_line_names_the_address_to_open(address: str | None, url: str) -> None:
    message = ready_message(address=address, port=8600)
    assert message.startswith(f"The app is ready at {url}")
    assert message.endswith("Press Ctrl+C to stop it.")

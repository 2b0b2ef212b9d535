"""rasad: Arabic conflict news in, ACLED-style events out."""

import logging

logging.getLogger(__name__).addHandler(logging.NullHandler())

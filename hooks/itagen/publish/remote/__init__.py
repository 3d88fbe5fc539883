"""Publishing a built site to shared hosting over SFTP or FTPS (``make publish``).

``manifest`` hashes the built site and reads what the server says was published; ``plan`` compares
the two (pure); ``sftp`` and ``ftps`` speak to the server behind the small ``transport`` protocol;
``upload`` carries a plan out so that a visitor never sees a half-written page and a cut connection
is finished by the next run; ``progress`` tells the webmaster how far it got.

May import ``problems``, ``thai`` and ``records``: the command line (hooks/publish_site.py) loads the
data and hands the target over.
"""

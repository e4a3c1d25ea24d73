"""A self-signed certificate for localhost/127.0.0.1 for the TLS tests:
made fresh with the openssl command when there is one, else the copy in
tests/data/tls (see the README there)."""
import atexit
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
COMMITTED = os.path.join(HERE, "..", "..", "data", "tls")


def make_cert():
    """(certfile, keyfile) paths in a new temporary directory."""
    where = tempfile.mkdtemp()
    atexit.register(shutil.rmtree, where, True)
    cert, key = os.path.join(where, "cert.pem"), os.path.join(where, "key.pem")
    if shutil.which("openssl"):
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                        "-keyout", key, "-out", cert, "-days", "2",
                        "-subj", "/CN=localhost/O=gilt test",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    else:
        shutil.copy(os.path.join(COMMITTED, "cert.pem"), cert)
        shutil.copy(os.path.join(COMMITTED, "key.pem"), key)
    return cert, key

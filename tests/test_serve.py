"""`press-archive serve` as a user starts and stops it: a busy port is one clear line, Ctrl-C one line."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

COMMAND = [sys.executable, "-c", "from web.cli import main; main()", "serve", "--host", "127.0.0.1"]


def environment(small_index):
    return {**os.environ, "PRESS_ARCHIVE_INDEX": str(small_index)}


def test_busy_port_is_one_line_and_exit_1(small_index):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([*COMMAND, "--port", str(port)], env=environment(small_index),
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: port {port} is in use; try --port ")
    assert int(lines[0].rsplit(" ", 1)[1]) > port
    assert "Serving" not in result.stderr + result.stdout


def test_ctrl_c_stops_with_one_line(small_index):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([*COMMAND, "--port", str(port)], env=environment(small_index),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr.readline().startswith(f"Serving press-archive on http://127.0.0.1:{port}/")
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?q=coal") as response:
                    assert response.status == 200
                break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0
    assert stderr.strip() == "Stopped." and "Traceback" not in stderr

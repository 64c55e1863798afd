"""Drives the nmt-csharp kernel with Jupyter's own client library (jupyter_client), as a front end would.

Usage: python3 interactive_session.py KERNEL_LOG
The kernelspec must be findable (JUPYTER_PATH). Prints one line per check, "PASS name" or "FAIL name: why",
and exits 0 only if every check passed. Every wait is bounded, so a broken kernel fails the run, never hangs it.
"""
import os
import queue
import sys
import tempfile
import time
import traceback

from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

TIMEOUT = 60
results = []


def check(name):
    def wrap(fn):
        try:
            fn()
            results.append(("PASS", name, ""))
        except Exception as e:  # noqa: BLE001 - every failure becomes a FAIL line
            results.append(("FAIL", name, f"{type(e).__name__}: {e} | {traceback.format_exc(limit=2)!r}"))
        return fn
    return wrap


def run(kc, code, timeout=TIMEOUT, **kw):
    """Executes code; returns (reply content, iopub messages belonging to it until idle)."""
    msg_id = kc.execute(code, **kw)
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply["content"], iopub_until_idle(kc, msg_id, timeout)


def iopub_until_idle(kc, msg_id, timeout=TIMEOUT):
    messages = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return messages
    raise TimeoutError("no idle status")


def of_type(messages, kind):
    return [m["content"] for m in messages if m["msg_type"] == kind]


def stream_text(messages, name="stdout"):
    return "".join(c["text"] for c in of_type(messages, "stream") if c["name"] == name)


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


log_path = sys.argv[1]
log = open(log_path, "w")
km = KernelManager(kernel_name="nmt-csharp")
km.start_kernel(stderr=log, cwd=tempfile.gettempdir())
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=TIMEOUT)


@check("kernel_info")
def _():
    msg_id = kc.kernel_info()
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    while reply["parent_header"]["msg_id"] != msg_id:  # wait_for_ready's own kernel_info requests answer first
        reply = kc.get_shell_msg(timeout=TIMEOUT)
    content = reply["content"]
    expect(content["protocol_version"] == "5.3", content)
    expect(content["language_info"]["name"] == "C#", content)
    expect(content["implementation"] == "nmt-csharp", content)


@check("preloaded_library_and_nuget_lines")
def _():
    code = ('#i "nuget: ../artifacts/packages"\n#r "nuget: Nmt.Analytics, 0.1.0"\n#r "nuget: ScottPlot, 5.1.59"\n'
            "using Nmt.Analytics.Data;\nusing ScottPlot;\nvar x = 6 * 7;\nConsole.WriteLine($\"x = {x}\");\nx")
    reply, messages = run(kc, code)
    expect(reply["status"] == "ok", reply)
    states = [c["execution_state"] for c in of_type(messages, "status")]
    expect(states[0] == "busy" and states[-1] == "idle", states)
    expect(of_type(messages, "execute_input")[0]["code"] == code, "execute_input")
    expect(stream_text(messages) == "x = 42\n", stream_text(messages))
    result = of_type(messages, "execute_result")
    expect(len(result) == 1 and result[0]["data"]["text/plain"] == "42", result)
    expect(result[0]["execution_count"] == reply["execution_count"], (result, reply))


@check("display_plot_and_table")
def _():
    code = ("var plot = new Plot(); plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 2, 4, 3 });\n"
            "display(plot);\n"
            "var table = new Nmt.Analytics.Results.ResultTable(\"t\", new[] { \"term\", \"estimate\" });\n"
            "table.AddRow(\"x\", 1.5);\ndisplay(table);")
    reply, messages = run(kc, code)
    expect(reply["status"] == "ok", reply)
    shown = of_type(messages, "display_data")
    expect(len(shown) == 2, [list(d["data"]) for d in shown])
    expect(shown[0]["data"]["image/png"].startswith("iVBORw0KGgo"), "png")
    expect("<table" in shown[1]["data"]["text/html"], shown[1]["data"])


@check("complete_members_and_scope")
def _():
    for code, wanted in [("x.ToSt", "ToString"), ("Console.WriteL", "WriteLine"), ("var y = pl", "plot"),
                         ("using Nmt.Analytics.Da", "Data"), ("Math.Sq", "Sqrt")]:
        msg_id = kc.complete(code, len(code))
        reply = kc.get_shell_msg(timeout=TIMEOUT)["content"]
        expect(reply["status"] == "ok", reply)
        expect(wanted in reply["matches"], (code, reply["matches"][:20]))
        expect(reply["cursor_end"] == len(code), reply)
        expect(code[reply["cursor_start"]:] == code[len(code) - len(code.split(".")[-1].split(" ")[-1]):], reply)


@check("inspect")
def _():
    code = "Math.Sqrt(2)"
    kc.inspect(code, 8)
    reply = kc.get_shell_msg(timeout=TIMEOUT)["content"]
    expect(reply["status"] == "ok" and reply["found"], reply)
    expect("Math.Sqrt(double d)" in reply["data"]["text/plain"], reply["data"])


@check("is_complete")
def _():
    for code, wanted in [("var y = 1;", "complete"), ("if (true) {", "incomplete"), ("var s = \"abc", "incomplete")]:
        kc.is_complete(code)
        reply = kc.get_shell_msg(timeout=TIMEOUT)["content"]
        expect(reply["status"] == wanted, (code, reply))


@check("comm_info")
def _():
    kc.comm_info()
    reply = kc.get_shell_msg(timeout=TIMEOUT)["content"]
    expect(reply == {"status": "ok", "comms": {}}, reply)


@check("exception_then_good_cell")
def _():
    reply, messages = run(kc, "var a = 1;\nthrow new InvalidOperationException(\"boom\");")
    expect(reply["status"] == "error" and reply["ename"] == "InvalidOperationException", reply)
    error = of_type(messages, "error")
    expect(len(error) == 1 and "boom" in error[0]["evalue"], error)
    expect(error[0]["traceback"][0] == "InvalidOperationException at line 2: boom", error[0]["traceback"][:2])
    reply, messages = run(kc, "x + 1")
    expect(reply["status"] == "ok", reply)
    expect(of_type(messages, "execute_result")[0]["data"]["text/plain"] == "43", messages)


@check("compile_error_names_line_and_code")
def _():
    reply, _ = run(kc, "var b = 2;\nundefinedThing + 1")
    expect(reply["status"] == "error" and reply["ename"] == "CompilationError", reply)
    expect(reply["traceback"][0].startswith("line 2, column 1: CS0103"), reply["traceback"])


@check("stdin_readline")
def _():
    msg_id = kc.execute("var name = Console.ReadLine(); Console.WriteLine($\"hello {name}\");", allow_stdin=True)
    request = kc.get_stdin_msg(timeout=TIMEOUT)
    expect(request["msg_type"] == "input_request", request)
    kc.input("nmt")
    reply = kc.get_shell_msg(timeout=TIMEOUT)["content"]
    expect(reply["status"] == "ok", reply)
    expect(stream_text(iopub_until_idle(kc, msg_id)) == "hello nmt\n", "stdout")


@check("interrupt_sleeping_loop")
def _():
    msg_id = kc.execute("for (var i = 0; i < 600; i++) System.Threading.Thread.Sleep(100);")
    time.sleep(1.0)
    started = time.time()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=20)["content"]
    expect(reply["status"] == "error" and reply["ename"] == "Interrupted", reply)
    expect(time.time() - started < 10, "interrupt took too long")
    iopub_until_idle(kc, msg_id)
    reply, messages = run(kc, "x")
    expect(of_type(messages, "execute_result")[0]["data"]["text/plain"] == "42", "state kept after interrupt")


@check("interrupt_printing_busy_loop")
def _():
    msg_id = kc.execute("while (true) { Console.Write(\"\"); }")
    time.sleep(1.0)
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=20)["content"]
    expect(reply["status"] == "error" and reply["ename"] == "Interrupted", reply)
    iopub_until_idle(kc, msg_id)


@check("output_flood_is_bounded")
def _():
    reply, messages = run(kc, "for (var i = 0; i < 150000; i++) Console.WriteLine(\"line \" + i);", timeout=120)
    expect(reply["status"] == "ok", reply)
    out = stream_text(messages)
    expect(len(out) == 1_000_000, len(out))
    expect(out.startswith("line 0\nline 1\n"), out[:20])
    expect("[output truncated:" in stream_text(messages, "stderr"), stream_text(messages, "stderr")[-200:])


@check("wrong_signature_refused")
def _():
    marker = os.path.join(tempfile.mkdtemp(), "executed")
    intruder = BlockingKernelClient()
    intruder.load_connection_info(km.get_connection_info())
    intruder.session = Session(key=b"not-the-key")  # its own identity too, so the kernel's ROUTER accepts it
    intruder.start_channels()
    try:
        intruder.execute(f"System.IO.File.WriteAllText(@\"{marker}\", \"x\");")
        try:
            intruder.get_shell_msg(timeout=3)
            raise AssertionError("a message with a wrong signature was answered")
        except queue.Empty:
            pass
    finally:
        intruder.stop_channels()
    expect(not os.path.exists(marker), "a message with a wrong signature was executed")
    log.flush()
    expect("invalid signature" in open(log_path).read(), "the refusal is not logged")
    reply, _ = run(kc, "1 + 1")
    expect(reply["status"] == "ok", "kernel alive after the refused message")


@check("restart")
def _():
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=TIMEOUT)
    reply, _ = run(kc, "x")
    expect(reply["status"] == "error" and "CS0103" in reply["evalue"], reply)
    reply, messages = run(kc, "1 + 1")
    expect(of_type(messages, "execute_result")[0]["data"]["text/plain"] == "2", messages)


@check("shutdown")
def _():
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    expect(not km.is_alive(), "kernel still running")


for status, name, why in results:
    print(f"{status} {name}" + (f": {why}" if why else ""), flush=True)
if km.is_alive():
    km.shutdown_kernel(now=True)
log.close()
sys.stdout.flush()
os._exit(0 if all(r[0] == "PASS" for r in results) else 1)  # skip jupyter_client's noisy finalisers

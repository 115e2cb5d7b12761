"""The Asterisk backend against a local server on 127.0.0.1 that speaks AMI (greeting, Login, actions answered by
ActionID, events), a real socket: a manager's call from the claim to «Обработан» with its MixMonitor recording, the
robot's call with the key pressed, a PBX that refuses or is down (the call «failed to start», never a 500)."""

import socketserver
import threading
import wave
from io import BytesIO

import pytest
from oscar.core.loading import get_model

from suz_oscar.dispatch import selectors as dispatch_selectors
from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.telephony import ami, robot, services
from suz_oscar.telephony.backends import asterisk
from suz_oscar.telephony.vocabulary import Kind, Outcome, RobotResult, State
from suz_oscar.test.factories import create_manager

from .conftest import make_order, regional_network

Call = get_model("suz_telephony", "Call")


class AMIServer(socketserver.ThreadingTCPServer):
    """Asterisk as far as AMI goes: checks the login, answers each action with its ActionID, and plays a call's
    events after an Originate, as a PBX would (``script(fields)`` → the events' field dicts)."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, secret="s3cret", script=None, recordings=None):
        super().__init__(("127.0.0.1", 0), AMIHandler)
        self.secret, self.script, self.recordings = secret, script, recordings
        self.actions, self.listeners, self.pending, self.lock = [], [], [], threading.Lock()

    def emit(self, events):
        """Send events to the connections that listen; with none yet, they wait for the first (the test runs the
        listener after starting the call, in its own thread, where the test's transaction is)."""
        if not self.listeners:
            self.pending.extend(events)
            return
        for handler in list(self.listeners):
            for event in events:
                handler.send(event)


class AMIHandler(socketserver.StreamRequestHandler):
    def send(self, fields):
        data = "".join(f"{k}: {v}\r\n" for k, v in fields.items()) + "\r\n"
        with self.server.lock:
            self.wfile.write(data.encode())
            self.wfile.flush()

    def handle(self):
        self.wfile.write(b"Asterisk Call Manager/9.0.0\r\n")
        logged_in = False
        block = []
        for raw in self.rfile:
            line = raw.decode().rstrip("\r\n")
            if line:
                block.append(line)
                continue
            if not block:
                continue
            fields = {}
            for item in block:
                key, _sep, value = item.partition(": ")
                fields.setdefault(key, []).append(value)
            block = []
            action, action_id = fields["Action"][0], fields.get("ActionID", [""])[0]
            one = {k: v[0] for k, v in fields.items()}
            self.server.actions.append((action, fields))
            if action == "Login":
                if one.get("Secret") != self.server.secret:
                    self.send({"Response": "Error", "ActionID": action_id, "Message": "Authentication failed"})
                    return
                logged_in = True
                self.send({"Response": "Success", "ActionID": action_id, "Message": "Authentication accepted"})
                if one.get("Events", "off") != "off":
                    self.server.listeners.append(self)
                    pending, self.server.pending = self.server.pending, []
                    self.server.emit(pending)
            elif not logged_in:
                self.send({"Response": "Error", "ActionID": action_id, "Message": "Permission denied"})
            elif action == "Logoff":
                self.send({"Response": "Goodbye", "ActionID": action_id})
                return
            elif action == "Originate":
                self.send({"Response": "Success", "ActionID": action_id, "Message": "Originate successfully queued"})
                if self.server.script:
                    self.server.emit(self.server.script(one))
            elif action == "MixMonitor":
                if self.server.recordings is not None:  # Asterisk writes the file where it was told
                    name = one["File"].rsplit("/", 1)[-1]
                    (self.server.recordings / name).write_bytes(b"RIFF....WAVEfmt recording")
                self.send({"Response": "Success", "ActionID": action_id})
            else:
                self.send({"Response": "Error", "ActionID": action_id, "Message": "Invalid/unknown command"})


def manager_call_events(fields):
    """The manager answers, the customer's phone rings and is answered, they talk, the manager hangs up."""
    uid, channel = fields["ChannelId"], "PJSIP/101-00000001"
    return [
        {"Event": "Newstate", "Channel": channel, "ChannelState": "5", "ChannelStateDesc": "Ringing", "Uniqueid": uid},
        {"Event": "Newstate", "Channel": channel, "ChannelState": "6", "ChannelStateDesc": "Up", "Uniqueid": uid},
        {"Event": "OriginateResponse", "ActionID": uid, "Response": "Success", "Channel": channel, "Reason": "4",
         "Uniqueid": uid},
        {"Event": "DialBegin", "Channel": channel, "Uniqueid": uid, "DestChannel": "PJSIP/trunk-00000002",
         "DestUniqueid": "1700000000.2", "DialString": fields["Exten"]},
        {"Event": "DialEnd", "Channel": channel, "Uniqueid": uid, "DialStatus": "ANSWER",
         "DestUniqueid": "1700000000.2"},
        {"Event": "Newstate", "Channel": channel, "ChannelState": "6", "Uniqueid": uid},  # a repeat: no-op
        {"Event": "Hangup", "Channel": channel, "Uniqueid": uid, "Cause": "16", "Cause-txt": "Normal Clearing"},
        {"Event": "Hangup", "Channel": "PJSIP/999-1", "Uniqueid": "1700000000.9", "Cause": "16"},  # not ours
    ]


@pytest.fixture
def journey(db, settings, tmp_path):
    net = regional_network([10])
    dealer = net["dealers"][0]
    dealer.call_from_site = True
    dealer.save()
    manager = create_manager(dealer)
    services.line_save(user=manager, extension="101")
    order = make_order(net["city"], net["product"])
    dispatch = dispatch_services.dispatch_plan(order=order)
    dispatch = dispatch_services.dispatch_claim(dispatch=dispatch, dealer=dealer, user=manager)
    (tmp_path / "rec").mkdir()
    (tmp_path / "prompts").mkdir()
    return {"dispatch": dispatch, "dealer": dealer, "manager": manager, "dir": tmp_path}


def use_server(settings, server, tmp_path, **extra):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SUZ_TELEPHONY_BACKEND = "suz_oscar.telephony.backends.asterisk.AsteriskBackend"
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {
        "host": "127.0.0.1", "port": server.server_address[1], "username": "suz", "secret": "s3cret", "timeout": 2,
        "monitor_dir": "/var/spool/asterisk/monitor", "recordings_dir": str(tmp_path / "rec"),
        "prompts_dir": str(tmp_path / "prompts"), **extra}


def listen(seconds=0.8):
    from django.core.management import call_command

    call_command("suz_asterisk_events", seconds=seconds)


@pytest.fixture
def server_factory():
    servers = []

    def make(**kwargs):
        server = AMIServer(**kwargs)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.shutdown()
        server.server_close()


def test_a_managers_call_from_originate_to_processed(journey, settings, server_factory,
                                                     django_capture_on_commit_callbacks):
    dispatch, dealer, manager = journey["dispatch"], journey["dealer"], journey["manager"]
    server = server_factory(script=manager_call_events, recordings=journey["dir"] / "rec")
    use_server(settings, server, journey["dir"])
    settings.OSCAR_SHOP_NAME = "Полимер-Декор"
    assert not dispatch_selectors.phone_visible(dispatch, dealer)
    assert dispatch_selectors.status_refusal(dispatch, dealer, "processed")

    with django_capture_on_commit_callbacks(execute=True):
        call = services.call_start(dispatch=dispatch, user=manager)
        assert call.state == State.CALLING_MANAGER
        listen()  # `manage.py suz_asterisk_events`, which runs all the time next to the site

    originate = dict(next(f for a, f in server.actions if a == "Originate"))
    assert originate["Channel"] == ["PJSIP/101"] and originate["Context"] == ["suz-outbound"]
    assert originate["Exten"] == ["79123456789"]  # the customer, dialled by the PBX…
    assert originate["CallerID"] == ['"Полимер-Декор" <74950000000>']  # the site's number, never the manager's
    assert originate["ChannelId"] == [call.provider_call_id] and originate["Async"] == ["true"]
    assert f"SUZ_CALL={call.provider_call_id}" in originate["Variable"]
    mix = dict(next(f for a, f in server.actions if a == "MixMonitor"))
    assert mix["Channel"] == ["PJSIP/101-00000001"]
    assert mix["File"] == [f"/var/spool/asterisk/monitor/{call.provider_call_id}.wav"]

    call.refresh_from_db()
    assert call.state == State.ENDED and call.outcome == Outcome.ANSWERED
    assert call.manager_answered_at and call.customer_dialed_at and call.connected_at
    assert call.recording and call.recording.read().startswith(b"RIFF")
    assert sorted(call.events.values_list("event", flat=True)) == sorted(
        ["manager_ringing", "manager_answered", "customer_ringing", "connected", "ended", "recording"])
    assert dispatch_selectors.phone_visible(dispatch, dealer)
    dispatch_services.dispatch_set_status(dispatch=dispatch, dealer=dealer, to_status="processed", user=manager)
    dispatch.refresh_from_db()
    assert dispatch.status == "processed"


def test_a_busy_customer_and_a_manager_who_does_not_answer(journey, settings, server_factory):
    def busy(fields):
        uid = fields["ChannelId"]
        return [{"Event": "Newstate", "Channel": "PJSIP/101-1", "ChannelState": "6", "Uniqueid": uid},
                {"Event": "DialBegin", "Channel": "PJSIP/101-1", "Uniqueid": uid},
                {"Event": "DialEnd", "Channel": "PJSIP/101-1", "Uniqueid": uid, "DialStatus": "BUSY"},
                {"Event": "Hangup", "Channel": "PJSIP/101-1", "Uniqueid": uid, "Cause": "16"}]

    server = server_factory(script=busy)
    use_server(settings, server, journey["dir"])
    call = services.call_start(dispatch=journey["dispatch"], user=journey["manager"])
    listen()
    call.refresh_from_db()
    assert call.state == State.ENDED and call.outcome == Outcome.BUSY and call.connected_at is None
    assert not dispatch_selectors.phone_visible(journey["dispatch"], journey["dealer"])

    server.script = None
    missed = services.call_start(dispatch=journey["dispatch"], user=journey["manager"])
    [event] = asterisk.AsteriskBackend().events_for({"Event": "OriginateResponse", "ActionID": missed.provider_call_id,
                                  "Response": "Failure", "Reason": "3", "Uniqueid": "<null>"})
    services.call_event(provider="asterisk", **event.as_kwargs())
    missed.refresh_from_db()
    assert missed.state == State.ENDED and missed.outcome == Outcome.NO_ANSWER


def test_a_pbx_that_refuses_or_is_down_leaves_the_call_failed_to_start(journey, settings, server_factory):
    server = server_factory(secret="other")
    use_server(settings, server, journey["dir"])
    call = services.call_start(dispatch=journey["dispatch"], user=journey["manager"])
    assert call.state == State.FAILED and "Authentication failed" in call.error
    assert "79123456789" not in call.error

    port = server.server_address[1]
    server.shutdown()
    server.server_close()
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {**settings.SUZ_TELEPHONY_BACKEND_OPTIONS, "port": port}
    call = services.call_start(dispatch=journey["dispatch"], user=journey["manager"])
    assert call.state == State.FAILED and "PBX" in call.error or "АТС" in call.error


def test_the_robots_call_plays_the_prompt_and_reads_the_key(journey, settings, server_factory):
    def robot_call(fields):
        uid = fields["ChannelId"]
        return [
            {"Event": "Newstate", "Channel": "PJSIP/trunk-1", "ChannelState": "5", "Uniqueid": uid},
            {"Event": "Newstate", "Channel": "PJSIP/trunk-1", "ChannelState": "6", "Uniqueid": uid},
            {"Event": "UserEvent", "UserEvent": "SuzDigits", "Call": uid, "Digits": "1", "Uniqueid": "17.1"},
            {"Event": "Hangup", "Channel": "PJSIP/trunk-1", "Uniqueid": uid, "Cause": "16"},
        ]

    server = server_factory(script=robot_call)
    use_server(settings, server, journey["dir"])
    call = robot.robot_call_start(dispatch=journey["dispatch"])
    listen()

    originate = dict(next(f for a, f in server.actions if a == "Originate"))
    assert originate["Channel"] == ["PJSIP/79123456789@trunk"] and originate["Context"] == ["suz-robot"]
    variables = dict(v.split("=", 1) for v in originate["Variable"])
    prompt = variables["SUZ_PROMPT"]
    assert prompt == str(journey["dir"] / "prompts" / call.provider_call_id)
    with wave.open(prompt + ".wav") as played:  # what Asterisk plays: 8 kHz mono
        assert played.getframerate() == 8000 and played.getnchannels() == 1 and played.getnframes() > 8000
    assert variables["SUZ_MANAGER"] == "PJSIP/101"  # key 2 puts the customer through to this line

    call.refresh_from_db()
    assert call.kind == Kind.ROBOT and call.state == State.ENDED and call.digits == "1"
    assert call.result == RobotResult.CONFIRMED
    assert call.script.startswith("Здравствуйте!") and call.prompt
    # The robot's connected call is not the dealer's contact: the number stays hidden.
    assert not dispatch_selectors.phone_visible(journey["dispatch"], journey["dealer"])


def test_the_protocol_refuses_a_header_smuggled_in_a_value():
    with pytest.raises(ValueError):
        ami.encode([("Exten", "100\r\nAction: Command")])
    assert ami.decode(b"Event: Newstate\r\nVariable: A=1\r\nVariable: B=2\r\nUniqueid: x") == {
        "Event": "Newstate", "Variable": {"A": "1", "B": "2"}, "Uniqueid": "x"}


def test_resampling_the_prompt_for_asterisk():
    buffer = BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(b"\x10\x00" * 22050)
    with wave.open(BytesIO(asterisk.to_8khz(buffer.getvalue()))) as result:
        assert result.getframerate() == 8000 and abs(result.getnframes() - 8000) <= 1
        assert result.readframes(1) == b"\x10\x00"


def test_a_recording_id_cannot_leave_the_recordings_directory(tmp_path):
    from suz_oscar.telephony.exceptions import TelephonyError

    (tmp_path / "secret.txt").write_text("x")
    backend = asterisk.AsteriskBackend(recordings_dir=str(tmp_path / "rec"))
    call = Call(recording_id="../secret.txt")
    with pytest.raises(TelephonyError):
        backend.fetch_recording(call)

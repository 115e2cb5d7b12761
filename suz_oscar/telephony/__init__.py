"""Telephony: call backends (console, locmem, Asterisk AMI, a cloud PBX over HTTP) chosen by a setting,
calls and recordings, the number-masking rule, the robot's confirmation call, webhooks. (Being built; until
then ``dispatch.selectors.has_connected_call`` answers False.) See docs/architecture.md."""

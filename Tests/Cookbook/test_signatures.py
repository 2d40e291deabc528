"""The provider cookbook's signature tests: hookschema against each provider's own library, both ways.

For every provider of Examples/providers (see cookbook.py for the libraries and the test secrets):

- the library signs a body now, `hookschema verify` accepts it, and rejects it (exit 1, with the reason) once a
  byte of the body changed; a --secret-file holding a wrong secret, then the right one, is accepted (rotation);
- `hookschema sign` prints headers the library accepts (with several secrets, one signature per secret where the
  header carries a list);
- both agree on the timestamp window provider.yaml declares (which is the library's);
- the example deliveries (written by make_deliveries.py with the libraries) verify with the library and with
  `hookschema check --secret-env provider=VAR`;
- published test vectors (GitHub's, Slack's, Standard Webhooks') come out of `hookschema sign` byte for byte.

Tests marked `hookschema` run the binary named by the HOOKSCHEMA environment variable (run.sh sets it); the others
check the libraries, the example deliveries and the keys on their own.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nacl.signing
import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cookbook  # noqa: E402
import make_deliveries  # noqa: E402
from cookbook import PROVIDERS, Headers, Provider, header  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "Examples" / "providers"
SECRET_VARIABLE = "HOOKSCHEMA_COOKBOOK_SECRET"
MESSAGE_ID = "msg_2mHq4Zk8Tn1Vb6Xc3Lp9Rw7Sd0F"

by_name = pytest.mark.parametrize("provider", PROVIDERS, ids=[provider.name for provider in PROVIDERS])
with_tolerance = pytest.mark.parametrize(
    "provider", [p for p in PROVIDERS if p.tolerance], ids=[p.name for p in PROVIDERS if p.tolerance]
)
list_providers = [p for p in PROVIDERS if p.list_header]
ed25519_providers = [p for p in PROVIDERS if p.ed25519]


# --- Helpers -----------------------------------------------------------------------------------------------------


def provider_yaml(provider: Provider) -> dict:
    return yaml.safe_load((SCHEMAS / provider.name / "provider.yaml").read_text(encoding="utf-8"))


def delivery_files(provider: Provider) -> list[Path]:
    return sorted((SCHEMAS / provider.name / "deliveries").glob("*.delivery.json"))


def all_deliveries() -> list[tuple[Provider, Path]]:
    return [(provider, path) for provider in PROVIDERS for path in delivery_files(provider)]


def read_delivery(path: Path) -> tuple[bytes, Headers]:
    delivery = json.loads(path.read_text(encoding="utf-8"))
    return delivery["body"].encode("utf-8"), delivery["headers"]


def example_body(provider: Provider) -> bytes:
    """The body of the provider's first example delivery: a realistic body to sign."""
    return read_delivery(delivery_files(provider)[0])[0]


def tampered(body: bytes) -> bytes:
    """The body with one byte changed (its first digit, so that it stays JSON)."""
    index = next(i for i, byte in enumerate(body) if chr(byte).isdigit())
    return body[:index] + bytes([body[index] ^ 1]) + body[index + 1:]


def signing_headers(provider: Provider, headers: Headers) -> Headers:
    """The headers a verifier reads: the signature, timestamp and id headers provider.yaml names."""
    signature = provider_yaml(provider)["signature"]
    names = {signature[key].lower() for key in ("header", "timestampHeader", "idHeader") if key in signature}
    return {name: value for name, value in headers.items() if name.lower() in names}


def ed25519_long_form(provider: Provider) -> str:
    """The provider's private key in its 64-byte NaCl form (seed followed by public key)."""
    if provider.name == "discord":
        seed = bytes.fromhex(provider.sign_secret)
        return (seed + bytes(nacl.signing.SigningKey(seed).verify_key)).hex()
    seed = base64.b64decode(provider.sign_secret.removeprefix("whsk_"))
    return "whsk_" + base64.b64encode(seed + bytes(nacl.signing.SigningKey(seed).verify_key)).decode()


class Hookschema:
    """Runs the binary under test with the cookbook's schemas."""

    def __init__(self, binary: str, work: Path):
        self.binary = binary
        self.work = work

    def run(self, *args: str, secret: str | None = None, extra_env: dict[str, str] | None = None):
        env = dict(os.environ)
        env.pop(SECRET_VARIABLE, None)
        if secret is not None:
            env[SECRET_VARIABLE] = secret
        env.update(extra_env or {})
        return subprocess.run(
            [self.binary, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60, check=False
        )

    def body_file(self, body: bytes, name: str = "body.json") -> Path:
        path = self.work / name
        path.write_bytes(body)
        return path

    def secret_file(self, *secrets: str) -> Path:
        path = self.work / "secrets.txt"
        path.write_text("".join(secret + "\n" for secret in secrets), encoding="utf-8")
        return path

    def secret_args(self, secret: str | None, secret_file: Path | None) -> list[str]:
        return ["--secret-file", str(secret_file)] if secret_file else ["--secret-env", SECRET_VARIABLE]

    def sign(
        self,
        provider: Provider,
        body: bytes,
        *,
        secret: str | None = None,
        secret_file: Path | None = None,
        timestamp: int | None = None,
        message_id: str | None = None,
    ) -> Headers:
        args = ["sign", "--schemas", str(SCHEMAS), "--provider", provider.name]
        args += self.secret_args(secret, secret_file)
        if timestamp is not None:
            args += ["--timestamp", str(timestamp)]
        if message_id is not None:
            args += ["--id", message_id]
        result = self.run(*args, str(self.body_file(body)), secret=secret)
        assert result.returncode == 0, f"hookschema sign failed ({result.returncode}): {result.stderr}"
        headers: Headers = {}
        for line in result.stdout.splitlines():
            if line.strip():
                name, separator, value = line.partition(": ")
                assert separator, f"not a `Name: value` line: {line!r}"
                headers[name] = value
        return headers

    def verify(
        self, provider: Provider, body: bytes, headers: Headers, *, secret: str | None = None,
        secret_file: Path | None = None,
    ):
        args = ["verify", "--schemas", str(SCHEMAS), "--provider", provider.name]
        args += self.secret_args(secret, secret_file)
        for name, value in headers.items():
            args += ["--header", f"{name}: {value}"]
        return self.run(*args, str(self.body_file(body)), secret=secret)


@pytest.fixture
def hookschema(tmp_path: Path) -> Hookschema:
    binary = os.environ.get("HOOKSCHEMA")
    if not binary:
        pytest.skip("HOOKSCHEMA is not set (Tests/Cookbook/run.sh sets it)")
    assert os.access(binary, os.X_OK), f"HOOKSCHEMA={binary} is not an executable"
    return Hookschema(binary, tmp_path)


def output(result) -> str:
    return (result.stdout + result.stderr).lower()


def assert_rejected(result, *reasons: str) -> None:
    assert result.returncode == 1, f"expected exit 1 (rejected), got {result.returncode}: {result.stderr}"
    text = output(result)
    assert any(reason in text for reason in reasons), f"no reason ({' / '.join(reasons)}) in: {text!r}"


NO_MATCH = ("no signature matches", "no_matching_signature", "does not match")
TOO_OLD = ("in the past", "timestamp_too_old", "too old")
TOO_NEW = ("in the future", "timestamp_too_new", "too new")


# --- The libraries on their own (no hookschema) ------------------------------------------------------------------


@by_name
def test_library_signs_and_verifies_its_own(provider: Provider):
    body = example_body(provider)
    headers = provider.sign(body, int(time.time()), MESSAGE_ID)
    assert provider.verify(body, headers)
    assert not provider.verify(tampered(body), headers)


@with_tolerance
def test_library_enforces_the_declared_window(provider: Provider):
    past, future = provider.tolerance
    body = example_body(provider)
    now = int(time.time())
    assert provider.verify(body, provider.sign(body, now - past // 2, MESSAGE_ID))
    assert not provider.verify(body, provider.sign(body, now - past - 60, MESSAGE_ID))
    if future is None:
        assert provider.verify(body, provider.sign(body, now + 3600, MESSAGE_ID)), "the library checks the future"
    else:
        assert not provider.verify(body, provider.sign(body, now + future + 60, MESSAGE_ID))


@by_name
def test_provider_yaml_declares_the_scheme_the_library_uses(provider: Provider):
    signature = provider_yaml(provider)["signature"]
    declared = signature.get("tolerance")
    assert (None if declared is None else (declared.get("past"), declared.get("future"))) == provider.tolerance
    assert (signature.get("algorithm") == "ed25519") == provider.ed25519
    assert ("idHeader" in signature) == provider.signs_id
    assert (signature["format"] != "plain" and signature["format"].get("style") != "plain") == provider.list_header
    # The headers the library produces are the ones provider.yaml names for the scheme.
    signed = provider.sign(example_body(provider), int(time.time()), MESSAGE_ID)
    assert {name.lower() for name in signed} == {name.lower() for name in signing_headers(provider, signed)}
    assert header(signed, signature["header"]) is not None


@pytest.mark.parametrize(
    "provider,path", all_deliveries(), ids=[f"{p.name}/{path.name}" for p, path in all_deliveries()]
)
def test_example_delivery_verifies_with_the_library(provider: Provider, path: Path):
    body, headers = read_delivery(path)
    at = make_deliveries.SIGNED_AT
    assert provider.verify(body, headers, now=at)
    assert not provider.verify(tampered(body), headers, now=at)
    # Every header provider.yaml declares required is there.
    declared = provider_yaml(provider)["headers"]
    required = [name for name, rules in declared.items() if (rules or {}).get("required")]
    missing = [name for name in required if header(headers, name) is None]
    assert not missing, f"{path.name} lacks required headers {missing}"
    json.loads(body)  # the body is JSON


def test_every_provider_has_example_deliveries():
    for provider in PROVIDERS:
        assert delivery_files(provider), f"no example delivery for {provider.name}"
    assert {p.name for p in PROVIDERS} == {path.name for path in SCHEMAS.iterdir() if path.is_dir()}


def test_example_deliveries_are_up_to_date():
    expected = make_deliveries.deliveries()
    on_disk = {path for provider in PROVIDERS for path in delivery_files(provider)}
    assert on_disk == set(expected), "run Tests/Cookbook/make_deliveries.py"
    stale = [str(p.relative_to(ROOT)) for p, text in expected.items() if p.read_text(encoding="utf-8") != text]
    assert not stale, f"out of date (run Tests/Cookbook/make_deliveries.py): {stale}"


@pytest.mark.parametrize("provider", ed25519_providers, ids=[p.name for p in ed25519_providers])
def test_ed25519_test_keys_are_a_pair(provider: Provider):
    if provider.name == "discord":
        seed, public = bytes.fromhex(provider.sign_secret), bytes.fromhex(provider.verify_secret)
    else:
        assert provider.sign_secret.startswith("whsk_") and provider.verify_secret.startswith("whpk_")
        seed = base64.b64decode(provider.sign_secret.removeprefix("whsk_"))
        public = base64.b64decode(provider.verify_secret.removeprefix("whpk_"))
    assert len(seed) == 32 and len(public) == 32
    assert bytes(nacl.signing.SigningKey(seed).verify_key) == public


def test_readme_lists_every_test_secret():
    readme = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    for provider in PROVIDERS:
        assert provider.sign_secret in readme, f"{provider.name}'s test secret is not in Examples/providers/README.md"
        assert provider.verify_secret in readme, f"{provider.name}'s public key is not in Examples/providers/README.md"


def test_published_vectors_with_the_libraries():
    # GitHub: docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries ("Testing the webhook payload
    # validation").
    assert cookbook.github_verify(b"Hello, World!", {"X-Hub-Signature-256": GITHUB_VECTOR}, secret=GITHUB_VECTOR_SECRET)
    # Slack: docs.slack.dev/authentication/verifying-requests-from-slack (the worked example).
    verifier = cookbook.SignatureVerifier(SLACK_VECTOR_SECRET, clock=cookbook._PinnedClock(SLACK_VECTOR_TIMESTAMP))
    assert verifier.is_valid(SLACK_VECTOR_BODY, str(SLACK_VECTOR_TIMESTAMP), SLACK_VECTOR_SIGNATURE)
    # Standard Webhooks / Svix: the test vector of the reference libraries and of Svix's docs.
    webhook = cookbook.standardwebhooks.webhooks.Webhook(SW_VECTOR_SECRET)
    assert webhook.sign(SW_VECTOR_ID, cookbook._utc(SW_VECTOR_TIMESTAMP), SW_VECTOR_BODY) == SW_VECTOR_SIGNATURE


GITHUB_VECTOR_SECRET = "It's a Secret to Everybody"
GITHUB_VECTOR = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
SLACK_VECTOR_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
SLACK_VECTOR_TIMESTAMP = 1531420618
SLACK_VECTOR_BODY = (
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
    "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
    "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
    "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
)
SLACK_VECTOR_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
SW_VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
SW_VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
SW_VECTOR_TIMESTAMP = 1614265330
SW_VECTOR_BODY = '{"test": 2432232314}'
SW_VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


# --- hookschema against the libraries ---------------------------------------------------------------------------


@pytest.mark.hookschema
def test_cookbook_lints(hookschema: Hookschema):
    result = hookschema.run("lint", "--schemas", str(SCHEMAS))
    assert result.returncode == 0, result.stderr


@pytest.mark.hookschema
@by_name
def test_library_signs_hookschema_verifies(provider: Provider, hookschema: Hookschema):
    body = example_body(provider)
    headers = provider.sign(body, int(time.time()), MESSAGE_ID)
    accepted = hookschema.verify(provider, body, headers, secret=provider.verify_secret)
    assert accepted.returncode == 0, accepted.stderr
    assert_rejected(hookschema.verify(provider, tampered(body), headers, secret=provider.verify_secret), *NO_MATCH)
    assert_rejected(hookschema.verify(provider, body, headers, secret=provider.wrong_secret), *NO_MATCH)


@pytest.mark.hookschema
@by_name
def test_hookschema_signs_library_verifies(provider: Provider, hookschema: Hookschema):
    body = example_body(provider)
    headers = hookschema.sign(
        provider, body, secret=provider.sign_secret, message_id=MESSAGE_ID if provider.signs_id else None
    )
    assert header(headers, provider_yaml(provider)["signature"]["header"]) is not None, headers
    assert provider.verify(body, headers), f"{provider.library} rejects {headers}"
    assert not provider.verify(tampered(body), headers)
    if provider.signs_id:
        assert MESSAGE_ID in headers.values(), f"--id {MESSAGE_ID} is not in {headers}"


@pytest.mark.hookschema
@by_name
def test_hookschema_signs_what_the_library_signs(provider: Provider, hookschema: Hookschema):
    """At the same time (and id), hookschema's signature is the library's, byte for byte (Ed25519 is deterministic)."""
    body = example_body(provider)
    at = int(time.time())
    ours = hookschema.sign(
        provider, body, secret=provider.sign_secret, timestamp=at,
        message_id=MESSAGE_ID if provider.signs_id else None,
    )
    theirs = provider.sign(body, at, MESSAGE_ID)
    assert {k.lower(): v for k, v in signing_headers(provider, ours).items()} == {
        k.lower(): v for k, v in theirs.items()
    }


@pytest.mark.hookschema
@by_name
def test_verify_with_a_rotation_file(provider: Provider, hookschema: Hookschema):
    body = example_body(provider)
    headers = provider.sign(body, int(time.time()), MESSAGE_ID)
    rotation = hookschema.secret_file(provider.wrong_secret, provider.verify_secret)
    result = hookschema.verify(provider, body, headers, secret_file=rotation)
    assert result.returncode == 0, result.stderr
    only_wrong = hookschema.secret_file(provider.wrong_secret)
    assert_rejected(hookschema.verify(provider, body, headers, secret_file=only_wrong), *NO_MATCH)


@pytest.mark.hookschema
@pytest.mark.parametrize("provider", list_providers, ids=[p.name for p in list_providers])
def test_sign_with_a_rotation_file(provider: Provider, hookschema: Hookschema):
    """With two secrets, a list header carries two signatures; the library finds the one it can check."""
    body = example_body(provider)
    rotation = hookschema.secret_file(provider.wrong_sign_secret, provider.sign_secret)
    headers = hookschema.sign(
        provider, body, secret_file=rotation, message_id=MESSAGE_ID if provider.signs_id else None
    )
    assert provider.verify(body, headers), f"{provider.library} rejects {headers}"
    signature_header = header(headers, provider_yaml(provider)["signature"]["header"])
    single = hookschema.sign(
        provider, body, secret=provider.sign_secret, message_id=MESSAGE_ID if provider.signs_id else None
    )
    assert len(signature_header) > len(header(single, provider_yaml(provider)["signature"]["header"]))


@pytest.mark.hookschema
@pytest.mark.parametrize("provider", ed25519_providers, ids=[p.name for p in ed25519_providers])
def test_ed25519_private_key_in_its_64_byte_form(provider: Provider, hookschema: Hookschema):
    body = example_body(provider)
    headers = hookschema.sign(
        provider, body, secret=ed25519_long_form(provider), message_id=MESSAGE_ID if provider.signs_id else None
    )
    assert provider.verify(body, headers)


@pytest.mark.hookschema
@with_tolerance
def test_hookschema_enforces_the_libraries_window(provider: Provider, hookschema: Hookschema):
    past, future = provider.tolerance
    body = example_body(provider)
    now = int(time.time())
    old = provider.sign(body, now - past - 60, MESSAGE_ID)
    assert_rejected(hookschema.verify(provider, body, old, secret=provider.verify_secret), *TOO_OLD)
    if future is None:
        ahead = provider.sign(body, now + 3600, MESSAGE_ID)
        result = hookschema.verify(provider, body, ahead, secret=provider.verify_secret)
        assert result.returncode == 0, f"{provider.library} accepts a future timestamp; hookschema: {result.stderr}"
    else:
        ahead = provider.sign(body, now + future + 60, MESSAGE_ID)
        assert_rejected(hookschema.verify(provider, body, ahead, secret=provider.verify_secret), *TOO_NEW)


@pytest.mark.hookschema
@by_name
def test_check_verifies_the_example_deliveries(provider: Provider, hookschema: Hookschema, tmp_path: Path):
    deliveries = SCHEMAS / provider.name / "deliveries"
    secret = ["--secret-env", f"{provider.name}={SECRET_VARIABLE}"]
    result = hookschema.run("check", "--schemas", str(SCHEMAS), *secret, str(deliveries), secret=provider.verify_secret)
    assert result.returncode == 0, result.stdout + result.stderr
    # The same deliveries with one body byte changed fail, with a signature finding: the check did verify.
    broken = tmp_path / provider.name / "deliveries"
    shutil.copytree(deliveries, broken)
    for path in broken.glob("*.delivery.json"):
        delivery = json.loads(path.read_text(encoding="utf-8"))
        delivery["body"] = tampered(delivery["body"].encode("utf-8")).decode("utf-8")
        path.write_text(json.dumps(delivery, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    result = hookschema.run("check", "--schemas", str(SCHEMAS), *secret, str(broken), secret=provider.verify_secret)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "signature" in output(result)


@pytest.mark.hookschema
def test_github_published_vector(hookschema: Hookschema):
    github = cookbook.BY_NAME["github"]
    headers = hookschema.sign(github, b"Hello, World!", secret=GITHUB_VECTOR_SECRET)
    assert headers == {"X-Hub-Signature-256": GITHUB_VECTOR}
    result = hookschema.verify(
        github, b"Hello, World!", {"X-Hub-Signature-256": GITHUB_VECTOR}, secret=GITHUB_VECTOR_SECRET
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.hookschema
def test_slack_published_vector(hookschema: Hookschema):
    slack = cookbook.BY_NAME["slack"]
    body = SLACK_VECTOR_BODY.encode()
    headers = hookschema.sign(slack, body, secret=SLACK_VECTOR_SECRET, timestamp=SLACK_VECTOR_TIMESTAMP)
    assert header(headers, "X-Slack-Signature") == SLACK_VECTOR_SIGNATURE
    assert header(headers, "X-Slack-Request-Timestamp") == str(SLACK_VECTOR_TIMESTAMP)
    # Signed in 2018: verify rejects it for its age alone.
    assert_rejected(hookschema.verify(slack, body, headers, secret=SLACK_VECTOR_SECRET), *TOO_OLD)


@pytest.mark.hookschema
@pytest.mark.parametrize("name,prefix", [("standardwebhooks", "webhook"), ("svix", "svix")])
def test_standard_webhooks_published_vector(name: str, prefix: str, hookschema: Hookschema):
    headers = hookschema.sign(
        cookbook.BY_NAME[name], SW_VECTOR_BODY.encode(), secret=SW_VECTOR_SECRET, timestamp=SW_VECTOR_TIMESTAMP,
        message_id=SW_VECTOR_ID,
    )
    assert header(headers, f"{prefix}-signature") == SW_VECTOR_SIGNATURE
    assert header(headers, f"{prefix}-id") == SW_VECTOR_ID
    assert header(headers, f"{prefix}-timestamp") == str(SW_VECTOR_TIMESTAMP)

"""The cookbook's providers as the tests and the delivery generator see them.

For each provider in Examples/providers: the test secrets (TEST ONLY: they are public, never use them for anything
real), and two functions built on the provider's own library, independent of hookschema:

- ``sign(body, timestamp, message_id)`` returns the signature headers a sender would add;
- ``verify(body, headers, now=None)`` says whether the library accepts the delivery, with the library's own clock
  (``now=None``) or with its clock set to ``now`` (for captured deliveries, whose timestamps are old).

Where a provider publishes no library that signs, the signing half uses the library's own primitives (Paddle's
``PaddleSignature.calculate_hmac``) or the code sample of the provider's documentation (GitHub, Shopify); for
Ed25519 it uses PyNaCl, as the provider's documentation says. Each adapter names its source.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import importlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from unittest import mock

import discord_interactions
import nacl.exceptions
import nacl.signing
import standardwebhooks.webhooks
import stripe
import svix.webhooks
from paddle_billing.Notifications import PaddleSignature, Secret, Verifier
from slack_sdk.signature import SignatureVerifier

# The module (not the class of the same name that the package exports), whose `time` the Verifier calls.
_paddle_verifier_module = importlib.import_module("paddle_billing.Notifications.Verifier")

Headers = dict[str, str]


# --- Test secrets and keys (TEST ONLY; also listed in Examples/providers/README.md) -------------------------------

GITHUB_SECRET = "It's a Secret to Everybody"  # GitHub's documented test secret
STRIPE_SECRET = "whsec_fc655230ef00605665984a524bd731a3"
SLACK_SECRET = "cd450fac21b9befdfbadd08c8971b43e"
SHOPIFY_SECRET = "hookschema_example_shopify_client_secret"
STANDARDWEBHOOKS_SECRET = "whsec_PRKn+N5WaeW5XxZKYT2aiSjzFPfGuV3M"
SVIX_SECRET = "whsec_X0NXF3CqPEUTcXmmh/Jn2iT7rsmI7WcZ"
PADDLE_SECRET = "pdl_ntfset_01hkschm0example0000000000000_TESTONLYhookschemaExampleKey"
# Ed25519 key pairs, generated once with nacl.signing.SigningKey.generate(). The secret key is the 32-byte seed.
V1A_SECRET_KEY = "whsk_nu+4uzRqeF7QDchovZl2pccP/9JtPNikHUIQ3205Syo="
V1A_PUBLIC_KEY = "whpk_/Gh5K4Ma0YzNaRJ3HkmVU0Cy3AoxK4kzOnoiDhWCFAE="
DISCORD_PRIVATE_KEY = "939d20db6209348be49f810a0968eca34b12431a09f524862c84f2d16ceae5e5"
DISCORD_PUBLIC_KEY = "34aca56e374b9b22e363cfa29c645cf10bf9c5559dada06e0ca4a9dab5ba8aa7"

# Secrets that are well-formed for each scheme but wrong (the first line of a rotation file).
WRONG_HMAC_SECRET = "wrong_secret_for_the_rotation_test"
WRONG_WHSEC = "whsec_" + base64.b64encode(b"a-wrong-but-well-formed-secret!!").decode()
_wrong_key = nacl.signing.SigningKey(hashlib.sha256(b"hookschema cookbook: a wrong key").digest())
WRONG_V1A_PUBLIC_KEY = "whpk_" + base64.b64encode(bytes(_wrong_key.verify_key)).decode()
WRONG_V1A_SECRET_KEY = "whsk_" + base64.b64encode(bytes(_wrong_key)).decode()
WRONG_DISCORD_PUBLIC_KEY = bytes(_wrong_key.verify_key).hex()
WRONG_DISCORD_PRIVATE_KEY = bytes(_wrong_key).hex()


def header(headers: Headers, name: str) -> str | None:
    """A header's value, matching the name in any case."""
    wanted = name.lower()
    return next((value for key, value in headers.items() if key.lower() == wanted), None)


class _CaseInsensitiveHeaders(dict):
    def get(self, key, default=None):  # noqa: D401 - the Headers protocol of paddle_billing
        value = header(self, key)
        return default if value is None else value


@contextlib.contextmanager
def _clock(target: str, now: int | None) -> Iterator[None]:
    """Patches `target` (a module's `time` function) to return `now`; does nothing when `now` is None."""
    if now is None:
        yield
        return
    with mock.patch(target, return_value=float(now)):
        yield


@contextlib.contextmanager
def _standardwebhooks_clock(now: int | None) -> Iterator[None]:
    """standardwebhooks reads the clock with `datetime.now(tz=timezone.utc)`; pin it to `now`."""
    if now is None:
        yield
        return

    class PinnedDatetime(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.fromtimestamp(now, tz=tz or timezone.utc)

    with mock.patch.object(standardwebhooks.webhooks, "datetime", PinnedDatetime):
        yield


def _utc(timestamp: int) -> datetime:
    return datetime.fromtimestamp(timestamp, tz=timezone.utc)


# --- GitHub: no official PyPI library; the Python sample of "Validating webhook deliveries" ---------------------


def github_sign(body: bytes, timestamp: int, message_id: str) -> Headers:
    digest = hmac.new(GITHUB_SECRET.encode("utf-8"), msg=body, digestmod=hashlib.sha256).hexdigest()
    return {"X-Hub-Signature-256": "sha256=" + digest}


def github_verify(body: bytes, headers: Headers, now: int | None = None, secret: str = GITHUB_SECRET) -> bool:
    # docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries, "Python example".
    signature_header = header(headers, "X-Hub-Signature-256")
    if not signature_header:
        return False
    hash_object = hmac.new(secret.encode("utf-8"), msg=body, digestmod=hashlib.sha256)
    expected_signature = "sha256=" + hash_object.hexdigest()
    return hmac.compare_digest(expected_signature, signature_header)


# --- Stripe: stripe.WebhookSignature (stripe/_webhook.py) -------------------------------------------------------


def stripe_sign(body: bytes, timestamp: int, message_id: str) -> Headers:
    value = stripe.WebhookSignature.generate_signature_header(body.decode("utf-8"), STRIPE_SECRET, timestamp=timestamp)
    return {"Stripe-Signature": value}


def stripe_verify(body: bytes, headers: Headers, now: int | None = None) -> bool:
    with _clock("stripe._webhook.time.time", now):
        try:
            stripe.WebhookSignature.verify_header(
                body, header(headers, "Stripe-Signature"), STRIPE_SECRET, tolerance=stripe.Webhook.DEFAULT_TOLERANCE
            )
        except stripe.SignatureVerificationError:
            return False
    return True


# --- Slack: slack_sdk.signature.SignatureVerifier ----------------------------------------------------------------


class _PinnedClock:
    def __init__(self, now: int | None):
        self._now = now

    def now(self) -> float:
        return time.time() if self._now is None else float(self._now)


def slack_sign(body: bytes, timestamp: int, message_id: str) -> Headers:
    signature = SignatureVerifier(SLACK_SECRET).generate_signature(timestamp=str(timestamp), body=body)
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": signature}


def slack_verify(body: bytes, headers: Headers, now: int | None = None) -> bool:
    return SignatureVerifier(SLACK_SECRET, clock=_PinnedClock(now)).is_valid_request(body, headers)


# --- Shopify: no official PyPI library verifies webhooks; the Python sample of shopify.dev ("Verify the webhook") --


def shopify_sign(body: bytes, timestamp: int, message_id: str) -> Headers:
    digest = hmac.new(SHOPIFY_SECRET.encode("utf-8"), body, digestmod=hashlib.sha256).digest()
    return {"X-Shopify-Hmac-Sha256": base64.b64encode(digest).decode("ascii")}


def shopify_verify(body: bytes, headers: Headers, now: int | None = None) -> bool:
    hmac_header = header(headers, "X-Shopify-Hmac-Sha256")
    if not hmac_header:
        return False
    digest = hmac.new(SHOPIFY_SECRET.encode("utf-8"), body, digestmod=hashlib.sha256).digest()
    computed_hmac = base64.b64encode(digest)
    return hmac.compare_digest(computed_hmac, hmac_header.encode("utf-8"))


# --- Standard Webhooks v1: standardwebhooks.Webhook --------------------------------------------------------------


def standardwebhooks_sign(body: bytes, timestamp: int, message_id: str) -> Headers:
    signature = standardwebhooks.webhooks.Webhook(STANDARDWEBHOOKS_SECRET).sign(
        message_id, _utc(timestamp), body.decode("utf-8")
    )
    return {"webhook-id": message_id, "webhook-timestamp": str(timestamp), "webhook-signature": signature}


def standardwebhooks_verify(body: bytes, headers: Headers, now: int | None = None) -> bool:
    with _standardwebhooks_clock(now):
        try:
            standardwebhooks.webhooks.Webhook(STANDARDWEBHOOKS_SECRET).verify(body, headers, json_parse=False)
        except standardwebhooks.webhooks.WebhookVerificationError:
            return False
    return True


# --- Standard Webhooks v1a (Ed25519): the specification, with PyNaCl ---------------------------------------------
# The `standardwebhooks` package (1.1.0) has no v1a. Per the specification: sign `{id}.{timestamp}.{body}` with
# Ed25519; the header entry is `v1a,<base64 signature>`; keys are `whsk_`/`whpk_` + base64 (the reference Go
# library reads `whsk_` as the 32-byte seed); reject timestamps more than 5 minutes away, as for v1.

V1A_TOLERANCE = 5 * 60


def _strip(prefix: str, text: str) -> str:
    return text[len(prefix):] if text.startswith(prefix) else text


def v1a_signing_key(secret_key: str = V1A_SECRET_KEY) -> nacl.signing.SigningKey:
    raw = base64.b64decode(_strip("whsk_", secret_key))
    return nacl.signing.SigningKey(raw[:32])  # a 64-byte NaCl secret key is the seed and the public key


def v1a_sign(body: bytes, timestamp: int, message_id: str) -> Headers:
    signed = f"{message_id}.{timestamp}.".encode() + body
    signature = v1a_signing_key().sign(signed).signature
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": "v1a," + base64.b64encode(signature).decode("ascii"),
    }


def v1a_verify(body: bytes, headers: Headers, now: int | None = None, public_key: str = V1A_PUBLIC_KEY) -> bool:
    message_id = header(headers, "webhook-id")
    timestamp = header(headers, "webhook-timestamp")
    signatures = header(headers, "webhook-signature")
    if not (message_id and timestamp and signatures):
        return False
    clock = time.time() if now is None else now
    if abs(clock - int(timestamp)) > V1A_TOLERANCE:
        return False
    verify_key = nacl.signing.VerifyKey(base64.b64decode(_strip("whpk_", public_key)))
    signed = f"{message_id}.{timestamp}.".encode() + body
    for entry in signatures.split(" "):
        version, _, signature = entry.partition(",")
        if version != "v1a":
            continue
        try:
            verify_key.verify(signed, base64.b64decode(signature))
            return True
        except (nacl.exceptions.BadSignatureError, ValueError):
            continue
    return False


# --- Svix: svix.webhooks.Webhook ---------------------------------------------------------------------------------


def svix_sign(body: bytes, timestamp: int, message_id: str) -> Headers:
    signature = svix.webhooks.Webhook(SVIX_SECRET).sign(message_id, _utc(timestamp), body.decode("utf-8"))
    return {"svix-id": message_id, "svix-timestamp": str(timestamp), "svix-signature": signature}


def svix_verify(body: bytes, headers: Headers, now: int | None = None) -> bool:
    with _standardwebhooks_clock(now):
        try:
            svix.webhooks.Webhook(SVIX_SECRET).verify(body, headers)
        except svix.webhooks.WebhookVerificationError:
            return False
    return True


# --- Paddle: paddle_billing.Notifications (the SDK verifies; it signs with PaddleSignature.calculate_hmac) --------


class _PaddleRequest:
    def __init__(self, body: bytes, headers: Headers):
        self.body = body
        self.headers = _CaseInsensitiveHeaders(headers)


def paddle_sign(body: bytes, timestamp: int, message_id: str) -> Headers:
    signed = f"{timestamp}:{body.decode('utf-8')}".encode("utf-8")
    digest = PaddleSignature.calculate_hmac(PADDLE_SECRET, signed).hexdigest()
    return {"Paddle-Signature": f"ts={timestamp};h1={digest}"}


def paddle_verify(body: bytes, headers: Headers, now: int | None = None) -> bool:
    with _clock(f"{_paddle_verifier_module.__name__}.time", now):
        try:
            return bool(Verifier().verify(_PaddleRequest(body, headers), Secret(PADDLE_SECRET)))
        except (ConnectionRefusedError, ValueError):
            return False


# --- Discord: discord_interactions.verify_key (verifies); PyNaCl signs ------------------------------------------


def discord_sign(body: bytes, timestamp: int, message_id: str) -> Headers:
    signing_key = nacl.signing.SigningKey(bytes.fromhex(DISCORD_PRIVATE_KEY)[:32])
    signature = signing_key.sign(str(timestamp).encode() + body).signature
    return {"X-Signature-Ed25519": signature.hex(), "X-Signature-Timestamp": str(timestamp)}


def discord_verify(body: bytes, headers: Headers, now: int | None = None, public_key: str = DISCORD_PUBLIC_KEY) -> bool:
    signature = header(headers, "X-Signature-Ed25519")
    timestamp = header(headers, "X-Signature-Timestamp")
    if signature is None or timestamp is None:
        return False
    with contextlib.redirect_stdout(None):  # verify_key prints the exception of a rejected signature
        return discord_interactions.verify_key(body, signature, timestamp, public_key)


# --- The table ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Provider:
    name: str
    """The folder in Examples/providers and the provider id."""
    library: str
    """What the signing and verifying functions are built on."""
    sign: Callable[[bytes, int, str], Headers]
    verify: Callable[..., bool]
    sign_secret: str
    """What `hookschema sign` is given: the shared secret, or for Ed25519 the private key."""
    verify_secret: str
    """What `hookschema verify` and `check` are given: the shared secret, or for Ed25519 the public key."""
    wrong_secret: str
    """A well-formed secret (or public key) that does not verify, for the rotation tests."""
    wrong_sign_secret: str
    """A well-formed secret (or private key) that signs, but not as the receiver expects."""
    tolerance: tuple[int | None, int | None] | None = None
    """(past, future) seconds, as provider.yaml declares them and the library enforces; None: no window."""
    signs_id: bool = False
    """Whether the signed content includes a message id (`hookschema sign --id`)."""
    list_header: bool = False
    """Whether the signature header carries a list (one signature per secret during a rotation)."""
    ed25519: bool = False


PROVIDERS: list[Provider] = [
    Provider(
        "github", "Python hmac, per GitHub's docs (no official PyPI library)", github_sign, github_verify,
        sign_secret=GITHUB_SECRET, verify_secret=GITHUB_SECRET,
        wrong_secret=WRONG_HMAC_SECRET, wrong_sign_secret=WRONG_HMAC_SECRET,
    ),
    Provider(
        "stripe", "stripe (stripe.WebhookSignature)", stripe_sign, stripe_verify,
        sign_secret=STRIPE_SECRET, verify_secret=STRIPE_SECRET,
        wrong_secret=WRONG_HMAC_SECRET, wrong_sign_secret=WRONG_HMAC_SECRET,
        tolerance=(300, None), list_header=True,
    ),
    Provider(
        "slack", "slack-sdk (slack_sdk.signature.SignatureVerifier)", slack_sign, slack_verify,
        sign_secret=SLACK_SECRET, verify_secret=SLACK_SECRET,
        wrong_secret=WRONG_HMAC_SECRET, wrong_sign_secret=WRONG_HMAC_SECRET,
        tolerance=(300, 300),
    ),
    Provider(
        "shopify", "Python hmac + base64, per Shopify's docs (no official PyPI library)", shopify_sign, shopify_verify,
        sign_secret=SHOPIFY_SECRET, verify_secret=SHOPIFY_SECRET,
        wrong_secret=WRONG_HMAC_SECRET, wrong_sign_secret=WRONG_HMAC_SECRET,
    ),
    Provider(
        "standardwebhooks", "standardwebhooks (standardwebhooks.Webhook)", standardwebhooks_sign,
        standardwebhooks_verify,
        sign_secret=STANDARDWEBHOOKS_SECRET, verify_secret=STANDARDWEBHOOKS_SECRET,
        wrong_secret=WRONG_WHSEC, wrong_sign_secret=WRONG_WHSEC,
        tolerance=(300, 300), signs_id=True, list_header=True,
    ),
    Provider(
        "standardwebhooksv1a", "PyNaCl, per the Standard Webhooks specification (standardwebhooks has no v1a)",
        v1a_sign, v1a_verify,
        sign_secret=V1A_SECRET_KEY, verify_secret=V1A_PUBLIC_KEY,
        wrong_secret=WRONG_V1A_PUBLIC_KEY, wrong_sign_secret=WRONG_V1A_SECRET_KEY,
        tolerance=(300, 300), signs_id=True, list_header=True, ed25519=True,
    ),
    Provider(
        "svix", "svix (svix.webhooks.Webhook)", svix_sign, svix_verify,
        sign_secret=SVIX_SECRET, verify_secret=SVIX_SECRET,
        wrong_secret=WRONG_WHSEC, wrong_sign_secret=WRONG_WHSEC,
        tolerance=(300, 300), signs_id=True, list_header=True,
    ),
    Provider(
        "paddle", "paddle-python-sdk (paddle_billing.Notifications.Verifier)", paddle_sign, paddle_verify,
        sign_secret=PADDLE_SECRET, verify_secret=PADDLE_SECRET,
        wrong_secret=WRONG_HMAC_SECRET, wrong_sign_secret=WRONG_HMAC_SECRET,
        tolerance=(5, 5), list_header=True,
    ),
    Provider(
        "discord", "discord-interactions (verify_key) and PyNaCl (signing)", discord_sign, discord_verify,
        sign_secret=DISCORD_PRIVATE_KEY, verify_secret=DISCORD_PUBLIC_KEY,
        wrong_secret=WRONG_DISCORD_PUBLIC_KEY, wrong_sign_secret=WRONG_DISCORD_PRIVATE_KEY,
        ed25519=True,
    ),
]

BY_NAME = {provider.name: provider for provider in PROVIDERS}

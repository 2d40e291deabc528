#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (Scripts/fuzz.sh) into DIR/<target>/, from Examples/payloads,
Examples/failing and Schemas. Usage: fuzz_seeds.py DIR"""

import base64
import glob
import json
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def write(directory, name, data):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "wb") as handle:
        handle.write(data)


def main(out):
    payloads = sorted(
        glob.glob(os.path.join(ROOT, "Examples", "payloads", "**", "*.json"), recursive=True)
        + glob.glob(os.path.join(ROOT, "Examples", "failing", "**", "*.json"), recursive=True)
    )
    deliveries = [path for path in payloads if path.endswith(".delivery.json")]

    # FuzzValidator: every example body, as is (drifted, failing and malformed ones included).
    for index, path in enumerate(payloads):
        with open(path, "rb") as handle:
            data = handle.read()
        if path.endswith(".delivery.json"):
            data = json.loads(data)["body"].encode("utf-8", "surrogatepass")
        write(os.path.join(out, "FuzzValidator"), f"{index:03d}-{os.path.basename(path)}", data)

    # FuzzSchemaLoader: provider.yaml, NUL, one event file — for each event of each bundled provider.
    for provider_file in sorted(glob.glob(os.path.join(ROOT, "Schemas", "*", "provider.yaml"))):
        folder = os.path.dirname(provider_file)
        with open(provider_file, "rb") as handle:
            provider = handle.read()
        for event_file in sorted(glob.glob(os.path.join(folder, "*.yaml"))):
            if event_file == provider_file:
                continue
            with open(event_file, "rb") as handle:
                event = handle.read()
            name = f"{os.path.basename(folder)}-{os.path.basename(event_file)}"
            write(os.path.join(out, "FuzzSchemaLoader"), name, provider + b"\0" + event)

    # FuzzSignatureHeaders: selector byte, then signature header, timestamp, id and secret lines, then the body.
    seeds = []
    for path in deliveries:
        with open(path, "rb") as handle:
            delivery = json.loads(handle.read())
        headers = {name.lower(): value for name, value in delivery["headers"].items()}
        body = delivery["body"].encode("utf-8")
        if "x-extend-request-signature" in headers:
            seeds.append((0, headers["x-extend-request-signature"], headers.get("x-extend-request-timestamp", ""),
                          "", "wss_fuzzing-secret", body))
        if "x-plextera-signature" in headers:
            seeds.append((1, headers["x-plextera-signature"], "", "", "plx_fuzzing-secret", body))
    seeds.append((1, "t=1783348313,v1=" + "ab" * 32 + ",v1=" + "CD" * 32 + ",v0=00", "", "", "whsec_x", b"{}"))
    seeds.append((2, "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4= v1a,abc v2,xyz", "1783348313",
                   "msg_p5jXN8AQM9LWM0D4loKWxJek", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", b'{"test": 2432232314}'))
    # GitHub's published vector (sha256= and sha1=), RFC 8032's first Ed25519 vector as Discord (empty timestamp and
    # body: the signed content is the empty message) and as Standard Webhooks v1a.
    seeds.append((3, "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", "", "",
                  "It's a Secret to Everybody", b"Hello, World!"))
    seeds.append((4, "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59", "", "", "It's a Secret to Everybody",
                  b"Hello, World!"))
    rfc8032 = ("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0"
               "595bbe24655141438e7a100b")
    seeds.append((5, rfc8032, "", "", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", b""))
    seeds.append((6, "v1,AAAA v1a," + base64.b64encode(bytes.fromhex(rfc8032)).decode(), "1783348313", "msg_1",
                  "whsk_nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=", b"{}"))
    for index, (selector, signature, timestamp, message_id, secret, body) in enumerate(seeds):
        text = "\n".join([signature, timestamp, message_id, secret]).encode("utf-8")
        write(os.path.join(out, "FuzzSignatureHeaders"), f"seed-{index:02d}", bytes([selector]) + text + b"\n" + body)


if __name__ == "__main__":
    main(sys.argv[1])

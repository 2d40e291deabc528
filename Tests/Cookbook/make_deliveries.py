#!/usr/bin/env python3
"""Writes the cookbook's example deliveries, Examples/providers/<provider>/deliveries/*.delivery.json.

Each delivery is a body as the provider sends it (compact or pretty-printed JSON, as the provider writes it) and
the headers of the request, signed by the provider's own library (see cookbook.py) with the cookbook's TEST
secrets and a fixed timestamp, so the examples are independent of hookschema and the output is the same on every
run. `--check` writes nothing and exits 1 when a file is missing or differs.

Run it with the cookbook's virtual environment: Tests/Cookbook/run.sh sets it up (.venv-cookbook/bin/python).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cookbook  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PROVIDERS_DIR = ROOT / "Examples" / "providers"

# 2026-01-15T10:00:00Z: the time every example delivery is signed at.
SIGNED_AT = 1768471200


def compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def pretty(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


# --- GitHub ------------------------------------------------------------------------------------------------------

GITHUB_API = "https://api.github.com"


def github_user(login: str, user_id: int, node_id: str) -> dict[str, Any]:
    api = f"{GITHUB_API}/users/{login}"
    return {
        "login": login,
        "id": user_id,
        "node_id": node_id,
        "avatar_url": f"https://avatars.githubusercontent.com/u/{user_id}?v=4",
        "gravatar_id": "",
        "url": api,
        "html_url": f"https://github.com/{login}",
        "followers_url": f"{api}/followers",
        "following_url": f"{api}/following{{/other_user}}",
        "gists_url": f"{api}/gists{{/gist_id}}",
        "starred_url": f"{api}/starred{{/owner}}{{/repo}}",
        "subscriptions_url": f"{api}/subscriptions",
        "organizations_url": f"{api}/orgs",
        "repos_url": f"{api}/repos",
        "events_url": f"{api}/events{{/privacy}}",
        "received_events_url": f"{api}/received_events",
        "type": "User",
        "user_view_type": "public",
        "site_admin": False,
    }


OCTOCAT = github_user("octocat", 583231, "MDQ6VXNlcjU4MzIzMQ==")


def github_repository() -> dict[str, Any]:
    full = "octocat/Hello-World"
    api = f"{GITHUB_API}/repos/{full}"
    return {
        "id": 1296269,
        "node_id": "MDEwOlJlcG9zaXRvcnkxMjk2MjY5",
        "name": "Hello-World",
        "full_name": full,
        "private": False,
        "owner": OCTOCAT,
        "html_url": f"https://github.com/{full}",
        "description": "My first repository on GitHub!",
        "fork": False,
        "url": api,
        "forks_url": f"{api}/forks",
        "keys_url": f"{api}/keys{{/key_id}}",
        "collaborators_url": f"{api}/collaborators{{/collaborator}}",
        "teams_url": f"{api}/teams",
        "hooks_url": f"{api}/hooks",
        "issue_events_url": f"{api}/issues/events{{/number}}",
        "events_url": f"{api}/events",
        "assignees_url": f"{api}/assignees{{/user}}",
        "branches_url": f"{api}/branches{{/branch}}",
        "tags_url": f"{api}/tags",
        "blobs_url": f"{api}/git/blobs{{/sha}}",
        "git_tags_url": f"{api}/git/tags{{/sha}}",
        "git_refs_url": f"{api}/git/refs{{/sha}}",
        "trees_url": f"{api}/git/trees{{/sha}}",
        "statuses_url": f"{api}/statuses/{{sha}}",
        "languages_url": f"{api}/languages",
        "stargazers_url": f"{api}/stargazers",
        "contributors_url": f"{api}/contributors",
        "subscribers_url": f"{api}/subscribers",
        "subscription_url": f"{api}/subscription",
        "commits_url": f"{api}/commits{{/sha}}",
        "git_commits_url": f"{api}/git/commits{{/sha}}",
        "comments_url": f"{api}/comments{{/number}}",
        "issue_comment_url": f"{api}/issues/comments{{/number}}",
        "contents_url": f"{api}/contents/{{+path}}",
        "compare_url": f"{api}/compare/{{base}}...{{head}}",
        "merges_url": f"{api}/merges",
        "archive_url": f"{api}/{{archive_format}}{{/ref}}",
        "downloads_url": f"{api}/downloads",
        "issues_url": f"{api}/issues{{/number}}",
        "pulls_url": f"{api}/pulls{{/number}}",
        "milestones_url": f"{api}/milestones{{/number}}",
        "notifications_url": f"{api}/notifications{{?since,all,participating}}",
        "labels_url": f"{api}/labels{{/name}}",
        "releases_url": f"{api}/releases{{/id}}",
        "deployments_url": f"{api}/deployments",
        "created_at": "2011-01-26T19:01:12Z",
        "updated_at": "2026-01-14T08:12:45Z",
        "pushed_at": "2026-01-14T08:12:40Z",
        "git_url": f"git://github.com/{full}.git",
        "ssh_url": f"git@github.com:{full}.git",
        "clone_url": f"https://github.com/{full}.git",
        "svn_url": f"https://github.com/{full}",
        "homepage": "https://github.com",
        "size": 108,
        "stargazers_count": 80,
        "watchers_count": 80,
        "language": None,
        "has_issues": True,
        "has_projects": True,
        "has_downloads": True,
        "has_wiki": True,
        "has_pages": False,
        "has_discussions": False,
        "forks_count": 9,
        "mirror_url": None,
        "archived": False,
        "disabled": False,
        "open_issues_count": 1,
        "license": None,
        "allow_forking": True,
        "is_template": False,
        "web_commit_signoff_required": False,
        "topics": [],
        "visibility": "public",
        "forks": 9,
        "open_issues": 1,
        "watchers": 80,
        "default_branch": "main",
    }


def github_ping() -> dict[str, Any]:
    hook = f"{GITHUB_API}/repos/octocat/Hello-World/hooks/498231706"
    return {
        "zen": "Design for failure.",
        "hook_id": 498231706,
        "hook": {
            "type": "Repository",
            "id": 498231706,
            "name": "web",
            "active": True,
            "events": ["issues", "push"],
            "config": {
                "content_type": "json",
                "insecure_ssl": "0",
                "secret": "********",
                "url": "https://example.com/webhooks/github",
            },
            "updated_at": "2026-01-15T09:59:58Z",
            "created_at": "2026-01-15T09:59:58Z",
            "url": hook,
            "test_url": f"{hook}/test",
            "ping_url": f"{hook}/pings",
            "deliveries_url": f"{hook}/deliveries",
            "last_response": {"code": None, "status": "unused", "message": None},
        },
        "repository": github_repository(),
        "sender": OCTOCAT,
    }


def github_issue() -> dict[str, Any]:
    api = f"{GITHUB_API}/repos/octocat/Hello-World"
    return {
        "url": f"{api}/issues/1347",
        "repository_url": api,
        "labels_url": f"{api}/issues/1347/labels{{/name}}",
        "comments_url": f"{api}/issues/1347/comments",
        "events_url": f"{api}/issues/1347/events",
        "html_url": "https://github.com/octocat/Hello-World/issues/1347",
        "id": 3812459021,
        "node_id": "I_kwDOABPHjc7jPq2N",
        "number": 1347,
        "title": "Found a bug",
        "user": OCTOCAT,
        "labels": [
            {
                "id": 208045946,
                "node_id": "MDU6TGFiZWwyMDgwNDU5NDY=",
                "url": f"{api}/labels/bug",
                "name": "bug",
                "color": "d73a4a",
                "default": True,
                "description": "Something isn't working",
            }
        ],
        "state": "open",
        "locked": False,
        "assignee": None,
        "assignees": [],
        "milestone": None,
        "comments": 0,
        "created_at": "2026-01-15T09:59:59Z",
        "updated_at": "2026-01-15T09:59:59Z",
        "closed_at": None,
        "author_association": "OWNER",
        "type": None,
        "active_lock_reason": None,
        "sub_issues_summary": {"total": 0, "completed": 0, "percent_completed": 0},
        "body": "I'm having a problem with this.",
        "reactions": {
            "url": f"{api}/issues/1347/reactions",
            "total_count": 0,
            "+1": 0,
            "-1": 0,
            "laugh": 0,
            "hooray": 0,
            "confused": 0,
            "heart": 0,
            "rocket": 0,
            "eyes": 0,
        },
        "timeline_url": f"{api}/issues/1347/timeline",
        "performed_via_github_app": None,
        "state_reason": None,
    }


def github_headers(event: str, delivery: str, body: bytes) -> dict[str, str]:
    sha1 = hmac.new(cookbook.GITHUB_SECRET.encode("utf-8"), body, hashlib.sha1).hexdigest()
    return {
        "Accept": "*/*",
        "Content-Type": "application/json",
        "User-Agent": "GitHub-Hookshot/4b3a9c1",
        "X-GitHub-Delivery": delivery,
        "X-GitHub-Event": event,
        "X-GitHub-Hook-ID": "498231706",
        "X-GitHub-Hook-Installation-Target-ID": "1296269",
        "X-GitHub-Hook-Installation-Target-Type": "repository",
        "X-Hub-Signature": f"sha1={sha1}",
    } | cookbook.github_sign(body, SIGNED_AT, delivery)


# --- Stripe ------------------------------------------------------------------------------------------------------


def stripe_payment_intent_succeeded() -> dict[str, Any]:
    return {
        "id": "evt_3QhXk2LkdIwHu7ix0gT4mB9c",
        "object": "event",
        "api_version": "2024-06-20",
        "created": SIGNED_AT - 2,
        "data": {
            "object": {
                "id": "pi_3QhXk2LkdIwHu7ix0kq1YzR8",
                "object": "payment_intent",
                "amount": 2000,
                "amount_capturable": 0,
                "amount_details": {"tip": {}},
                "amount_received": 2000,
                "application": None,
                "application_fee_amount": None,
                "automatic_payment_methods": {"allow_redirects": "always", "enabled": True},
                "canceled_at": None,
                "cancellation_reason": None,
                "capture_method": "automatic_async",
                "client_secret": "pi_3QhXk2LkdIwHu7ix0kq1YzR8_secret_Xy7rTq2LmN4vB8cD1eF6gH9jK",
                "confirmation_method": "automatic",
                "created": SIGNED_AT - 6,
                "currency": "usd",
                "customer": "cus_RaxT8bW2mQ4nLp",
                "description": "Order #1042",
                "last_payment_error": None,
                "latest_charge": "ch_3QhXk2LkdIwHu7ix0vN5sJ1a",
                "livemode": False,
                "metadata": {"order_id": "1042"},
                "next_action": None,
                "on_behalf_of": None,
                "payment_method": "pm_1QhXk1LkdIwHu7ixq8Zt3Ww2",
                "payment_method_configuration_details": {"id": "pmc_1PbQ9xLkdIwHu7ixvD3kR2Ns", "parent": None},
                "payment_method_options": {
                    "card": {
                        "installments": None,
                        "mandate_options": None,
                        "network": None,
                        "request_three_d_secure": "automatic",
                    }
                },
                "payment_method_types": ["card"],
                "processing": None,
                "receipt_email": "jenny.rosen@example.com",
                "review": None,
                "setup_future_usage": None,
                "shipping": None,
                "source": None,
                "statement_descriptor": None,
                "statement_descriptor_suffix": None,
                "status": "succeeded",
                "transfer_data": None,
                "transfer_group": None,
            }
        },
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": "req_Ht3m9XqL2vBk8P", "idempotency_key": "6f1c0c5e-8b7d-4a3e-9f21-0d5c7b2a9e14"},
        "type": "payment_intent.succeeded",
    }


def stripe_headers(body: bytes) -> dict[str, str]:
    return {
        "Accept": "*/*; q=0.5, application/xml",
        "Cache-Control": "no-cache",
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
    } | cookbook.stripe_sign(body, SIGNED_AT, "")


# --- Slack -------------------------------------------------------------------------------------------------------

SLACK_TOKEN = "Jhj5dZrVaK7ZwHHjRyZWjbDl"


def slack_url_verification() -> dict[str, Any]:
    return {
        "token": SLACK_TOKEN,
        "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
        "type": "url_verification",
    }


def slack_event_callback() -> dict[str, Any]:
    return {
        "token": SLACK_TOKEN,
        "team_id": "T061EG9R6",
        "context_team_id": "T061EG9R6",
        "context_enterprise_id": None,
        "api_app_id": "A0MDYCDME",
        "event": {
            "type": "app_mention",
            "user": "U061F7AUR",
            "text": "<@U0LAN0Z89> is it everything a river should be?",
            "ts": "1768471198.000200",
            "client_msg_id": "c8e3f0a2-5b1d-4e7a-9c36-2f4d8b1a7e90",
            "team": "T061EG9R6",
            "channel": "C0LAN2Q65",
            "event_ts": "1768471198.000200",
        },
        "type": "event_callback",
        "event_id": "Ev0LAN670R",
        "event_time": SIGNED_AT - 2,
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": "T061EG9R6",
                "user_id": "U0LAN0Z89",
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": "4-eyJldCI6ImFwcF9tZW50aW9uIiwidGlkIjoiVDA2MUVHOVI2IiwiY2lkIjoiQzBMQU4yUTY1In0",
    }


def slack_headers(body: bytes) -> dict[str, str]:
    return {
        "Accept": "*/*",
        "Content-Type": "application/json",
        "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    } | cookbook.slack_sign(body, SIGNED_AT, "")


# --- Shopify -----------------------------------------------------------------------------------------------------


def shopify_money(amount: str) -> dict[str, Any]:
    return {
        "shop_money": {"amount": amount, "currency_code": "USD"},
        "presentment_money": {"amount": amount, "currency_code": "USD"},
    }


def shopify_orders_create() -> dict[str, Any]:
    return {
        "id": 5762839502934,
        "admin_graphql_api_id": "gid://shopify/Order/5762839502934",
        "name": "#1042",
        "order_number": 1042,
        "number": 42,
        "token": "8b1f0e3c5a7d9b2e4f6a8c0d2e4f6a8b",
        "email": "jenny.rosen@example.com",
        "contact_email": "jenny.rosen@example.com",
        "phone": None,
        "created_at": "2026-01-15T04:59:58-05:00",
        "updated_at": "2026-01-15T04:59:59-05:00",
        "processed_at": "2026-01-15T04:59:58-05:00",
        "closed_at": None,
        "cancelled_at": None,
        "cancel_reason": None,
        "confirmed": True,
        "test": False,
        "currency": "USD",
        "presentment_currency": "USD",
        "subtotal_price": "199.00",
        "total_discounts": "0.00",
        "total_line_items_price": "199.00",
        "total_price": "215.42",
        "total_price_set": shopify_money("215.42"),
        "total_tax": "16.42",
        "taxes_included": False,
        "financial_status": "paid",
        "fulfillment_status": None,
        "source_name": "web",
        "tags": "",
        "note": None,
        "line_items": [
            {
                "id": 14321765982422,
                "admin_graphql_api_id": "gid://shopify/LineItem/14321765982422",
                "name": "IPod Nano - 8GB - Pink",
                "title": "IPod Nano - 8GB",
                "variant_title": "Pink",
                "quantity": 1,
                "current_quantity": 1,
                "fulfillable_quantity": 1,
                "fulfillment_status": None,
                "price": "199.00",
                "price_set": shopify_money("199.00"),
                "total_discount": "0.00",
                "sku": "IPOD2008PINK",
                "vendor": "Apple",
                "product_id": 632910392,
                "variant_id": 808950810,
                "product_exists": True,
                "grams": 567,
                "requires_shipping": True,
                "taxable": True,
                "gift_card": False,
                "tax_lines": [
                    {
                        "price": "16.42",
                        "rate": 0.0825,
                        "title": "State Tax",
                        "price_set": shopify_money("16.42"),
                        "channel_liable": False,
                    }
                ],
                "discount_allocations": [],
                "properties": [],
            }
        ],
        "customer": {
            "id": 207119551,
            "admin_graphql_api_id": "gid://shopify/Customer/207119551",
            "email": "jenny.rosen@example.com",
            "first_name": "Jenny",
            "last_name": "Rosen",
            "phone": None,
            "state": "disabled",
            "currency": "USD",
            "created_at": "2026-01-15T04:59:57-05:00",
            "updated_at": "2026-01-15T04:59:58-05:00",
        },
    }


def shopify_headers(body: bytes) -> dict[str, str]:
    return {
        "Accept": "*/*",
        "Content-Type": "application/json",
        "User-Agent": "Shopify-Captain-Hook",
        "X-Shopify-API-Version": "2025-07",
        "X-Shopify-Event-Id": "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
        "X-Shopify-Shop-Domain": "hookschema-example.myshopify.com",
        "X-Shopify-Topic": "orders/create",
        "X-Shopify-Triggered-At": "2026-01-15T09:59:58.877041743Z",
        "X-Shopify-Webhook-Id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
    } | cookbook.shopify_sign(body, SIGNED_AT, "")


# --- Standard Webhooks (v1 and v1a) and Svix ---------------------------------------------------------------------


def standardwebhooks_contact_created() -> dict[str, Any]:
    return {
        "type": "contact.created",
        "timestamp": "2026-01-15T09:59:59.344522Z",
        "data": {
            "id": "1f81eb52-5198-4599-803e-771906343485",
            "type": "contact",
            "fullName": "John Smith",
            "address": "800 W NASA Pkwy, Webster, TX 77598, USA",
            "phoneNumber": "(281) 332-2575",
            "birthday": "1980-04-19",
            "occupation": "Engineer, ACME",
        },
    }


def v1a_invoice_paid() -> dict[str, Any]:
    return {
        "type": "invoice.paid",
        "timestamp": "2026-01-15T09:59:59.120000Z",
        "data": {
            "id": "inv_2mXq8Lr4Tn6Vb0",
            "customerId": "cus_7Hk2mQ9pL4",
            "amount": 4900,
            "currency": "EUR",
            "paidAt": "2026-01-15T09:59:58Z",
        },
    }


def svix_message_attempt_exhausted() -> dict[str, Any]:
    return {
        "type": "message.attempt.exhausted",
        "data": {
            "appId": "app_2mGQeyqSxXJ9g3t1sR8kLpZbW4c",
            "appUid": "customer-4821",
            "msgId": "msg_2mGR0c7bJ1vXy9kQpT3sLwN8dFe",
            "msgEventId": "order-1042-paid",
            "endpointId": "ep_2mGQh5TnW8rK1pZsY4vB7cX3mJd",
            "lastAttempt": {
                "id": "atmpt_2mGUv3kP9sQ1xT7bN4wR8yL2cZh",
                "timestamp": "2026-01-15T09:59:57.512Z",
                "responseStatusCode": 503,
            },
        },
    }


def svix_endpoint_disabled() -> dict[str, Any]:
    return {
        "type": "endpoint.disabled",
        "data": {
            "appId": "app_2mGQeyqSxXJ9g3t1sR8kLpZbW4c",
            "appUid": "customer-4821",
            "endpointId": "ep_2mGQh5TnW8rK1pZsY4vB7cX3mJd",
            "endpointUid": None,
            "failSince": "2026-01-10T09:58:02Z",
            "trigger": "automatic",
        },
    }


def svix_headers(body: bytes, message_id: str) -> dict[str, str]:
    return {"Content-Type": "application/json", "User-Agent": "Svix-Webhooks/1.0"} | cookbook.svix_sign(
        body, SIGNED_AT, message_id
    )


# --- Paddle ------------------------------------------------------------------------------------------------------


def paddle_totals() -> dict[str, Any]:
    return {
        "subtotal": "2400",
        "discount": "0",
        "tax": "480",
        "total": "2880",
        "credit": "0",
        "credit_to_balance": "0",
        "balance": "0",
        "grand_total": "2880",
        "grand_total_tax": "480",
        "fee": "194",
        "earnings": "2206",
        "currency_code": "USD",
    }


def paddle_transaction_completed() -> dict[str, Any]:
    return {
        "event_id": "evt_01kf3q8v2x6g7t9m4n5p8r2s6w",
        "event_type": "transaction.completed",
        "occurred_at": "2026-01-15T09:59:58.621022Z",
        "notification_id": "ntf_01kf3q8v5j2h8k4m6n9p3r7t1x",
        "data": {
            "id": "txn_01kf3q6zq0b7r9s2t4v6w8x0y2",
            "status": "completed",
            "customer_id": "ctm_01kf3q5m8n2p4r6t8v0w2x4y6z",
            "address_id": "add_01kf3q5m9a3b5c7d9e1f3g5h7j",
            "business_id": None,
            "custom_data": None,
            "currency_code": "USD",
            "origin": "web",
            "subscription_id": "sub_01kf3q8t1a3c5e7g9j2l4n6q8s",
            "invoice_id": "inv_01kf3q8t4b6d8f0h2k4m6p8r0t",
            "invoice_number": "325-10042",
            "collection_mode": "automatic",
            "discount_id": None,
            "billing_details": None,
            "billing_period": {"starts_at": "2026-01-15T09:59:55.118Z", "ends_at": "2026-02-15T09:59:55.118Z"},
            "items": [
                {
                    "price": {
                        "id": "pri_01gsz8x8sawmvhz1pv30nge1ke",
                        "product_id": "pro_01gsz4t5hdjse780zja8vvr7jg",
                        "name": "Monthly (per seat)",
                        "description": "Monthly",
                        "unit_price": {"amount": "2400", "currency_code": "USD"},
                        "billing_cycle": {"interval": "month", "frequency": 1},
                        "status": "active",
                    },
                    "quantity": 1,
                    "proration": None,
                }
            ],
            "details": {
                "tax_rates_used": [
                    {"tax_rate": "0.2", "totals": {"subtotal": "2400", "discount": "0", "tax": "480", "total": "2880"}}
                ],
                "totals": paddle_totals(),
                "adjusted_totals": {
                    "subtotal": "2400",
                    "tax": "480",
                    "total": "2880",
                    "grand_total": "2880",
                    "fee": "194",
                    "earnings": "2206",
                    "currency_code": "USD",
                },
                "payout_totals": None,
                "adjusted_payout_totals": None,
                "line_items": [
                    {
                        "id": "txnitm_01kf3q6zr1c8s0t3v5x7z9b1d3",
                        "price_id": "pri_01gsz8x8sawmvhz1pv30nge1ke",
                        "quantity": 1,
                        "tax_rate": "0.2",
                        "unit_totals": {"subtotal": "2400", "discount": "0", "tax": "480", "total": "2880"},
                        "totals": {"subtotal": "2400", "discount": "0", "tax": "480", "total": "2880"},
                    }
                ],
            },
            "payments": [
                {
                    "payment_attempt_id": "7f3c2d1e-9b8a-4c5d-8e6f-1a2b3c4d5e6f",
                    "stored_payment_method_id": "2b4d6f8a-0c1e-4a3b-9d5f-7e9a1c3e5b7d",
                    "payment_method_id": "paymtd_01kf3q7y3m5p7r9t1v3x5z7b9d",
                    "amount": "2880",
                    "status": "captured",
                    "error_code": None,
                    "method_details": {
                        "type": "card",
                        "card": {
                            "type": "visa",
                            "last4": "4242",
                            "expiry_month": 1,
                            "expiry_year": 2030,
                            "cardholder_name": "Jenny Rosen",
                        },
                    },
                    "created_at": "2026-01-15T09:59:56.031544Z",
                    "captured_at": "2026-01-15T09:59:57.412987Z",
                }
            ],
            "checkout": {"url": "https://example.com/pay?_ptxn=txn_01kf3q6zq0b7r9s2t4v6w8x0y2"},
            "created_at": "2026-01-15T09:59:30.118Z",
            "updated_at": "2026-01-15T09:59:58.212Z",
            "billed_at": "2026-01-15T09:59:57.412Z",
            "revised_at": None,
        },
    }


def paddle_headers(body: bytes) -> dict[str, str]:
    return {"Content-Type": "application/json"} | cookbook.paddle_sign(body, SIGNED_AT, "")


# --- Discord -----------------------------------------------------------------------------------------------------

DISCORD_APPLICATION = "1187340223485452318"
DISCORD_USER = {
    "id": "80351110224678912",
    "username": "nelly",
    "discriminator": "0",
    "global_name": "Nelly",
    "avatar": "8342729096ea3675442027381ff50dfe",
    "public_flags": 0,
    "avatar_decoration_data": None,
}


def discord_ping() -> dict[str, Any]:
    return {
        "app_permissions": "562949953601536",
        "application_id": DISCORD_APPLICATION,
        "authorizing_integration_owners": {},
        "entitlements": [],
        "id": "1328937140215873598",
        "token": "aW50ZXJhY3Rpb246MTMyODkzNzE0MDIxNTg3MzU5ODp0ZXN0LW9ubHktdG9rZW4",
        "type": 1,
        "user": DISCORD_USER,
        "version": 1,
    }


def discord_application_command() -> dict[str, Any]:
    return {
        "app_permissions": "2248473465835073",
        "application_id": DISCORD_APPLICATION,
        "authorizing_integration_owners": {"0": "290926798626357999"},
        "channel_id": "645027906669510667",
        "context": 0,
        "data": {
            "guild_id": "290926798626357999",
            "id": "1187340876215435264",
            "name": "blep",
            "options": [{"name": "animal", "type": 3, "value": "animal_dog"}],
            "type": 1,
        },
        "entitlements": [],
        "guild_id": "290926798626357999",
        "guild_locale": "en-US",
        "id": "1328937581307351091",
        "locale": "en-US",
        "member": {
            "avatar": None,
            "deaf": False,
            "flags": 0,
            "joined_at": "2017-03-13T19:19:14.040000+00:00",
            "mute": False,
            "nick": None,
            "pending": False,
            "permissions": "2248473465835073",
            "premium_since": None,
            "roles": ["290926798626357250"],
            "user": DISCORD_USER,
        },
        "token": "aW50ZXJhY3Rpb246MTMyODkzNzU4MTMwNzM1MTA5MTp0ZXN0LW9ubHktdG9rZW4",
        "type": 2,
        "version": 1,
    }


def discord_headers(body: bytes) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "User-Agent": "Discord-Interactions/1.0 (+https://discord.com)",
    } | cookbook.discord_sign(body, SIGNED_AT, "")


# --- All of them -------------------------------------------------------------------------------------------------


def deliveries() -> dict[Path, str]:
    """Every example delivery: its path and its file's text."""
    result: dict[Path, str] = {}

    def add(provider: str, name: str, body: str, headers: dict[str, str]) -> None:
        path = PROVIDERS_DIR / provider / "deliveries" / f"{name}.delivery.json"
        result[path] = json.dumps({"headers": headers, "body": body}, indent=2, ensure_ascii=False) + "\n"

    body = compact(github_ping())
    add("github", "ping", body, github_headers("ping", "9a8f3c2e-f1f2-11f0-8d2a-5b1c7e0f4d21", body.encode()))
    body = compact({"action": "opened", "issue": github_issue(), "repository": github_repository(), "sender": OCTOCAT})
    add("github", "issues.opened", body,
        github_headers("issues", "0c6c1f4e-f1f3-11f0-9b47-2e8a6d5f3c10", body.encode()))

    body = pretty(stripe_payment_intent_succeeded())
    add("stripe", "payment_intent.succeeded", body, stripe_headers(body.encode()))

    for name, value in [("url_verification", slack_url_verification()), ("event_callback", slack_event_callback())]:
        body = compact(value)
        add("slack", name, body, slack_headers(body.encode()))

    body = compact(shopify_orders_create())
    add("shopify", "orders.create", body, shopify_headers(body.encode()))

    body = compact(standardwebhooks_contact_created())
    add("standardwebhooks", "contact.created", body,
        {"Content-Type": "application/json"}
        | cookbook.standardwebhooks_sign(body.encode(), SIGNED_AT, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"))

    body = compact(v1a_invoice_paid())
    add("standardwebhooksv1a", "invoice.paid", body,
        {"Content-Type": "application/json"}
        | cookbook.v1a_sign(body.encode(), SIGNED_AT, "msg_2mGb7Qz4Xy1Lk9Ts3Vp6Rw8Nc0D"))

    for name, value, message_id in [
        ("message.attempt.exhausted", svix_message_attempt_exhausted(), "msg_2mGUwA1cT6yR4pX8kN2sQ9vB3jL"),
        ("endpoint.disabled", svix_endpoint_disabled(), "msg_2mGUwF7dK3zS9qY1mP5tR2wC8hN"),
    ]:
        body = compact(value)
        add("svix", name, body, svix_headers(body.encode(), message_id))

    body = compact(paddle_transaction_completed())
    add("paddle", "transaction.completed", body, paddle_headers(body.encode()))

    for name, value in [("ping", discord_ping()), ("application_command", discord_application_command())]:
        body = compact(value)
        add("discord", name, body, discord_headers(body.encode()))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a delivery is out of date")
    args = parser.parse_args()
    stale = []
    for path, text in deliveries().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{'out of date' if args.check else 'wrote'}: {path.relative_to(ROOT)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())

-- Sign-in throttling (issue 6, item 7). The old table locked a username for everyone; the new
-- one keeps one counter per scope: a username from one client ("account-client"), a client
-- across usernames ("client", against spraying) and a username across clients ("account", a
-- generous ceiling against distributed guessing). Keys are sha256 hashes, never usernames or
-- addresses in clear. Counters are short-lived: rows idle past the forget window are pruned,
-- found by "lastFailAt".
DROP TABLE "LoginThrottle";

CREATE TABLE "SignInThrottle" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailAt" TIMESTAMPTZ(3) NOT NULL,
    "blockedUntil" TIMESTAMPTZ(3),
    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("scope", "key")
);

CREATE INDEX "SignInThrottle_lastFailAt_idx" ON "SignInThrottle"("lastFailAt");

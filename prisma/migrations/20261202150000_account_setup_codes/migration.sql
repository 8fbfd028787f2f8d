-- One-time set-up codes (issue: the admin workspace). An administrator never types anyone's
-- password: they make a code, shown to them once, and the person uses it on /setup to choose
-- their own. Only the code's sha256 is kept. A code works once, until it expires, and only while
-- it is the newest for its account: making a new one marks the older ones superseded.
CREATE TABLE "AccountSetupCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "supersededAt" TIMESTAMPTZ(3),
    CONSTRAINT "AccountSetupCode_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AccountSetupCode_codeHash_key" ON "AccountSetupCode"("codeHash");
CREATE INDEX "AccountSetupCode_userId_idx" ON "AccountSetupCode"("userId");

ALTER TABLE "AccountSetupCode" ADD CONSTRAINT "AccountSetupCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AccountSetupCode" ADD CONSTRAINT "AccountSetupCode_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Advocates (issue 9). The council registers advocates a child may choose from; a registration is
-- never deleted, only ended. A grant may carry the day its access ends ("endsAt", the start of that
-- day in London): access checks compare it with the time of each request, so nothing needs a job to
-- run for it to bite.
ALTER TABLE "Grant" ADD COLUMN "endsAt" TIMESTAMPTZ(3);

CREATE TABLE "AdvocateRegistration" (
    "userId" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "registeredById" TEXT,
    "registeredAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    CONSTRAINT "AdvocateRegistration_pkey" PRIMARY KEY ("userId")
);

ALTER TABLE "AdvocateRegistration" ADD CONSTRAINT "AdvocateRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AdvocateRegistration" ADD CONSTRAINT "AdvocateRegistration_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A translator (issue 10): staff who write and check translations. They open no record: they see
-- only the entries someone has asked to have translated, or whose translation waits for a check.
ALTER TYPE "Role" ADD VALUE 'translator';

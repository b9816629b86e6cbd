-- clientRef is at most 64 characters counted as Unicode code points (an emoji is one). H2 counts the length of a
-- character varying in UTF-16 units, where one such character can take two: room for 64 of them on both databases.
-- Runs unchanged on H2 2.x and PostgreSQL (SET DATA TYPE is standard SQL; indexes follow the column).
alter table assessments alter column client_ref set data type varchar(128);
alter table intakes alter column client_ref set data type varchar(128);

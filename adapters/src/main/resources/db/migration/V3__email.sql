-- E-mail: a message's own identifier on its channel (the Message-ID of a mail), so the same mail fetched twice is
-- recognised, and a reply can find the mail it answers and a bounce the mail that bounced.
alter table message add column external_id text;
create index message_external on message (channel, external_id) where external_id is not null;

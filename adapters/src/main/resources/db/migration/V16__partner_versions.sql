-- Versioned partner configuration: each change of a partner's profile (identifiers, channels, SLA profile, policy) is
-- a new version with its author and reason; the partner's row is the current one, named by config_version. A rollback
-- is a new version equal to an old one. Partners from before this migration get their version 1 at their first change.
create table partner_version (
  partner_id       text not null references partner (id),
  version          int not null check (version > 0),
  profile          jsonb not null,
  author           text not null,
  reason           text,
  created_at       timestamptz not null,
  rolled_back_from int,
  primary key (partner_id, version)
);
alter table partner add column config_version int not null default 0;

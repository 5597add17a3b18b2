-- Replays of archived traffic against a draft configuration (a partner's policy or SLA profile, the defaults, a
-- category's limits), through the recording side of the effects port: nothing of production changes. The report is
-- kept with the replay; a published version names the replay it was judged on.
create table replay (
  id            uuid primary key,
  requested_by  text not null,
  scope         text not null,
  partner_id    text references partner (id),
  period_from   timestamptz not null,
  period_to     timestamptz not null,
  draft         jsonb not null,
  status        text not null check (status in ('RUNNING', 'DONE', 'CANCELLED', 'FAILED')),
  documents     int not null default 0,
  processed     int not null default 0,
  report        jsonb,
  error         text,
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  finished_at   timestamptz
);
create index replay_created on replay (created_at desc);

alter table partner_version add column replay_id uuid references replay (id);

-- Partner EDI mappings and e-mail templates managed at run time: each published document is a version with its
-- author and reason; the partner's mapping_version and template_version name the ones in force (0: the file).
create table partner_published_version (
  partner_id       text not null references partner (id),
  kind             text not null check (kind in ('MAPPING', 'TEMPLATE')),
  version          int not null check (version > 0),
  document         jsonb,
  author           text not null,
  reason           text not null,
  created_at       timestamptz not null,
  rolled_back_from int,
  replay_id        uuid references replay (id),
  primary key (partner_id, kind, version)
);
alter table partner add column mapping_version int not null default 0;
alter table partner add column template_version int not null default 0;

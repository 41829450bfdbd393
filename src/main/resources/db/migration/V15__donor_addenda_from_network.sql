-- donor: an emergency addendum may come from the network's hub (adopted by a manager in one step). Its words are
-- the hub coordinator's, stored as typed: the title and each question's text per language (en, vi, lo) when given,
-- shown in the reader's language, else the first given (title and text keep the first given). While it is switched
-- on it may suspend the recruitment of new donors and add serology tests to the panel every donor needs.
alter table screening_addendum
    add column titles               jsonb,
    add column suspends_recruitment boolean not null default false,
    add column extra_tests          text[]  not null default '{}',
    add column origin               text;

alter table screening_question
    add column texts jsonb;

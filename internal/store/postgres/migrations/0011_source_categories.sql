-- What an OPML list says of a source added by command or import: its
-- category (a folder path such as "Tech/Go") and its web site, written back
-- on export. Configured sources take theirs from the config file.
ALTER TABLE sources ADD COLUMN category TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN site_url TEXT NOT NULL DEFAULT '';

-- An item's lead image: what the feed declared when it was stored, then
-- the pipeline's pick (the article page's og:image, the content's first
-- photo) when it was enqueued.
ALTER TABLE items ADD COLUMN image_url TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN image_alt TEXT NOT NULL DEFAULT '';

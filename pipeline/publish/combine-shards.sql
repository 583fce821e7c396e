-- Combines the outputs of sharded builds (`npm run build-data -- --shard I/N --out shards/I`) into one DuckDB
-- database. Run it in the DuckDB CLI or any DuckDB client after setting where the shards are:
--   SET VARIABLE shards = 'shards/*';
--   .read pipeline/publish/combine-shards.sql
-- Each input lands in exactly one shard, so the per-article tables are plain unions. An entity met in several
-- shards has one row per shard under the same id when its canonical name is the same there; they are summed
-- here. Linking across shards (an alias seen only in another shard) and quote clusters across shards are not
-- redone: a shard links what it holds.
CREATE OR REPLACE TABLE articles AS SELECT * FROM read_parquet(getvariable('shards') || '/parquet/articles.parquet') ORDER BY article_id;
CREATE OR REPLACE TABLE boilerplate AS SELECT * FROM read_parquet(getvariable('shards') || '/parquet/boilerplate.parquet') ORDER BY boilerplate_id;
CREATE OR REPLACE TABLE dates AS SELECT * FROM read_parquet(getvariable('shards') || '/parquet/dates.parquet') ORDER BY date_id;
CREATE OR REPLACE TABLE mentions AS SELECT * FROM read_parquet(getvariable('shards') || '/parquet/mentions.parquet') ORDER BY mention_id;
CREATE OR REPLACE TABLE quotes AS SELECT * FROM read_parquet(getvariable('shards') || '/parquet/quotes.parquet') ORDER BY quote_id;
CREATE OR REPLACE TABLE rejects AS SELECT DISTINCT * FROM read_parquet(getvariable('shards') || '/parquet/rejects.parquet') ORDER BY source_path;
CREATE OR REPLACE TABLE entities AS
  SELECT entity_id,
         min(name) AS name,
         min(type) AS type,
         list_sort(list_distinct(flatten(list(aliases)))) AS aliases,
         sum(mention_count)::INTEGER AS mention_count,
         sum(article_count)::INTEGER AS article_count
  FROM read_parquet(getvariable('shards') || '/parquet/entities.parquet')
  GROUP BY entity_id
  ORDER BY entity_id;

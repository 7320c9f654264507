// Parse a podcast feed with podcast-partytime (the Podcast Index ecosystem's parser) and print, as
// JSON on stdout, what tests/publish/test_feed_clients.py checks.
//
//   node tests/js/parse-feed.mjs path/to/feed.xml
//
// Exit status: 0 when partytime parsed the feed, 1 when it rejected it (parseFeed returned null),
// 2 on a usage error. partytime's own log (pino, on stdout) is silenced so that stdout is only the
// JSON; its console.warn lines ("Unexpected transcript type", "Unexpected category structure") go
// to stderr, where the tests look for them.
import { readFileSync } from "node:fs";

if (process.argv.length !== 3) {
  process.stderr.write("usage: node parse-feed.mjs FEED.xml\n");
  process.exit(2);
}

// partytime reads its log level from the environment when it is first imported, so set it first
// and import it afterwards (a static import would be hoisted above this line).
process.env.PARTYTIME_LOG = "silent";
const partytime = await import("podcast-partytime");
const parseFeed = partytime.parseFeed ?? partytime.default.parseFeed;

const xml = readFileSync(process.argv[2], "utf8");
const feed = parseFeed(xml);
if (feed === null) {
  process.stderr.write("partytime rejected the feed (parseFeed returned null)\n");
  process.exit(1);
}

const date = (value) => (value instanceof Date ? value.toISOString() : value ?? null);

const result = {
  title: feed.title,
  link: feed.link,
  language: feed.language ?? null,
  explicit: feed.explicit,
  itunesCategory: feed.itunesCategory ?? null,
  itunesType: feed.itunesType ?? null,
  itunesImage: feed.itunesImage ?? null,
  author: feed.author ?? null,
  owner: feed.owner ?? null,
  guid: feed.guid ?? null,
  locked: feed.locked ?? null,
  podcastOwner: feed.podcastOwner ?? null,
  pc20support: feed.pc20support,
  items: feed.items.map((item) => ({
    title: item.title ?? null,
    guid: item.guid,
    pubDate: date(item.pubDate),
    duration: item.duration,
    enclosure: item.enclosure,
    podcastTranscripts: item.podcastTranscripts ?? [],
    podcastChapters: item.podcastChapters ?? null,
  })),
};
process.stdout.write(JSON.stringify(result, null, 2) + "\n");

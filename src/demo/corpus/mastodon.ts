import type { TootSeed } from './types.js';

/** Hashtags with a timeline on the demo Mastodon API. */
export const HASHTAGS = ['northwindcoffee', 'coffee', 'pixelpost', 'ebikes', 'brightline'];

export const toots: TootSeed[] = [
  // --- Northwind spike
  { user: 'maren', display: 'Maren 🌧️', followers: 812, daysAgo: 0.15, text: 'Northwind\'s new mobile ordering just charged me twice for one oat latte. Third person in the queue with the same issue. #NorthwindCoffee #coffee', replies: 4, boosts: 12, favs: 30 },
  { user: 'devon', display: 'Devon', instance: 'hachyderm.example', followers: 2300, daysAgo: 0.4, text: 'Somebody at Northwind forgot idempotency keys. Double charges all over town. Refunds "in 5-10 days". #NorthwindCoffee', replies: 9, boosts: 40, favs: 88 },
  { user: 'kaffeeklatsch', display: 'Jana', instance: 'chaos.example', followers: 340, daysAgo: 0.7, lang: 'de', text: 'Northwind hat mir zweimal abgebucht. Die App-Bestellung ist gerade kaputt, lieber an der Kasse zahlen. #NorthwindCoffee', replies: 1, boosts: 3, favs: 7 },
  { user: 'sam_writes', display: 'Sam', followers: 150, daysAgo: 1.0, text: 'Day two of the Northwind double-charge saga. Refund button in the app still spins forever. #NorthwindCoffee', replies: 2, boosts: 2, favs: 9 },
  { user: 'portlandeats', display: 'Portland Eats', followers: 5400, daysAgo: 1.4, text: 'Heads up: several readers report Northwind Coffee charging twice for mobile orders since Monday\'s app update. Pay in store for now. #NorthwindCoffee #coffee', replies: 14, boosts: 95, favs: 120 },
  // --- Coffee, older
  { user: 'maren', display: 'Maren 🌧️', followers: 812, daysAgo: 9, text: 'Rainy Sunday, flat white at Northwind on Alder, good book. Perfect. #coffee #NorthwindCoffee', boosts: 1, favs: 14 },
  { user: 'beanbot', display: 'Bean Bot', followers: 90, daysAgo: 16, text: 'Bluebird Roasters just dropped a new Ethiopia natural. Blueberry bomb. #coffee', favs: 6 },
  { user: 'kettlefan', display: 'K.', instance: 'mastodon.example', followers: 44, daysAgo: 23, text: 'Kettle & Co carrot cake + a pot of tea = my entire personality this autumn #coffee', favs: 11 },
  { user: 'sam_writes', display: 'Sam', followers: 150, daysAgo: 31, text: 'Northwind raised prices again. $4.40 cappuccino. Still good, but hmm. #coffee #NorthwindCoffee', replies: 3, favs: 5 },
  { user: 'koffiekoning', display: 'Pieter', instance: 'mastodon.nl.example', followers: 210, daysAgo: 37, lang: 'nl', text: 'Eindelijk een Northwind in de buurt. De flat white is prima, maar wel duur. #coffee #NorthwindCoffee', favs: 4 },
  { user: 'devon', display: 'Devon', instance: 'hachyderm.example', followers: 2300, daysAgo: 44, text: 'Hot take: Northwind\'s cold brew beats Bluebird\'s. Fight me. #coffee', replies: 21, boosts: 6, favs: 40 },
  { user: 'beanbot', display: 'Bean Bot', followers: 90, daysAgo: 52, text: 'Brew ratio of the day: 1:16, 94°C, 3:30 total. #coffee', favs: 3 },
  { user: 'maren', display: 'Maren 🌧️', followers: 812, daysAgo: 66, text: 'The new Northwind upstairs room is a great quiet place to work. Plenty of plugs. #NorthwindCoffee', favs: 17 },
  { user: 'windwatch', display: 'Wind Watch', followers: 3100, daysAgo: 27, text: 'The Northwind offshore wind farm got planning approval today. 60 turbines, 900 MW. #energy #coffee? no, #renewables', favs: 55 },
  // --- Pixelpost
  { user: 'travelnotes', display: 'Travel Notes ✈️', followers: 1200, daysAgo: 4, text: 'Sent a Pixelpost card home from Lisbon. Mum got it in 5 days. Still magic. #pixelpost', favs: 22, boosts: 2 },
  { user: 'ux_ines', display: 'Inês', instance: 'design.example', followers: 640, daysAgo: 11, lang: 'pt', text: 'O editor do Pixelpost está muito melhor na nova versão. Modo escuro! #pixelpost', favs: 8 },
  { user: 'droid_dave', display: 'Dave', followers: 75, daysAgo: 8, text: 'Pixelpost crashes every time I crop on Android 14. Support says fix coming. #pixelpost', replies: 2, favs: 3 },
  { user: 'snailmail', display: 'Snail Mail Club', followers: 980, daysAgo: 29, text: 'Monthly reminder to send someone real mail. Pixelpost, SnapMail or an actual stamp, we don\'t judge. #pixelpost', boosts: 14, favs: 31 },
  { user: 'annoyed_andrew', display: 'Andrew', followers: 33, daysAgo: 3, text: 'Cancelled Pixelpost Plus and still got charged. Refund via App Store only. Annoying. #pixelpost', favs: 2 },
  { user: 'travelnotes', display: 'Travel Notes ✈️', followers: 1200, daysAgo: 47, text: 'The handwriting font in Pixelpost fooled my grandmother. She thinks I wrote it. #pixelpost', favs: 40, boosts: 5 },
  { user: 'holidayhannah', display: 'Hannah', followers: 260, daysAgo: 58, text: '40 holiday cards sent with #pixelpost, all delivered. Best $120 I spent this season.', favs: 19 },
  // --- Brightline & e-bikes
  { user: 'commute_carla', display: 'Carla 🚲', followers: 1500, daysAgo: 2, text: 'Six months on the Brightline Commuter 7 and it still makes me smile every morning. #ebikes #brightline', favs: 48, boosts: 6 },
  { user: 'velo_vic', display: 'Vic', instance: 'bikes.example', followers: 3900, daysAgo: 9, text: 'Brightline recalls Cargo Duo motor controllers. If you have one, check the serial on their site. #ebikes #brightline', boosts: 120, favs: 90, replies: 12 },
  { user: 'battery_bea', display: 'Bea', followers: 120, daysAgo: 10, text: 'Got my warranty battery from Brightline after six weeks. Slow, but they came through. #brightline', favs: 7 },
  { user: 'fahrradfan', display: 'Lukas', instance: 'social.example.de', followers: 410, daysAgo: 19, lang: 'de', text: 'Das Brightline Trail E1 fährt sich super, aber die Lieferung hat fünf Wochen gedauert. #ebikes #brightline', favs: 9 },
  { user: 'voltfan', display: 'Volt Fan', followers: 300, daysAgo: 33, text: 'Voltaro Ridge first ride: light and fun. Cheaper than Brightline, range about the same. #ebikes', favs: 12 },
  { user: 'cargo_claire', display: 'Claire', followers: 700, daysAgo: 41, text: 'Sold the second car. Brightline Cargo Duo is now the family car. Kids approve. #ebikes #brightline', favs: 60, boosts: 9 },
  { user: 'railfan', display: 'Rail Fan', instance: 'trains.example', followers: 2100, daysAgo: 21, text: 'Brightline train from Miami to Orlando: smooth, fast, good coffee in the Premium car. #brightline #trains', favs: 80 },
  { user: 'rainy_rob', display: 'Rob', followers: 95, daysAgo: 63, text: 'Test rode a Brightline and a Voltaro today. Both fun, Brightline felt more planted. #ebikes', favs: 5 },
  { user: 'velo_vic', display: 'Vic', instance: 'bikes.example', followers: 3900, daysAgo: 68, text: 'E-bike sales up 20% this year. Brightline, Voltaro and the usual suspects all growing. #ebikes', favs: 33 },
];

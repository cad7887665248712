import type { RedditPostSeed } from './types.js';

/** Subreddits the demo serves (display case as on Reddit). */
export const SUBREDDITS = ['Coffee', 'Portland', 'apps', 'androidapps', 'ebikes', 'bikecommuting', 'SQL', 'florida', 'webdev'];

export const redditPosts: RedditPostSeed[] = [
  // --- Northwind spike (last ~36 h)
  {
    sub: 'Coffee', author: 'latte_larry', daysAgo: 0.3, score: 412, crosspost: 'Portland',
    title: 'PSA: Northwind Coffee mobile ordering is charging twice',
    text: 'Check your bank statements. Since the app update yesterday every mobile order I placed at Northwind got charged twice. Staff know about it but can\'t refund in store. Pay at the till until they fix it.',
    comments: [
      { author: 'beanqueen', text: 'Same here, two charges of $5.10 for one oat latte. Support says 5-10 business days for the refund.', score: 88,
        replies: [{ author: 'latte_larry', text: 'Yeah that\'s what they told me too. Not great when it\'s your money.', score: 31 }] },
      { author: '[deleted]', text: '[deleted]', score: 4 },
      { author: 'espresso_evan', text: 'Classic missing idempotency key on the payment call. Someone is having a very bad week.', score: 120 },
      { author: 'pnw_mike', text: 'Bank flagged mine as fraud and froze the card. Fun morning.', score: 45 },
    ],
  },
  {
    sub: 'Coffee', author: 'quiet_quokka', daysAgo: 0.9, score: 156,
    title: 'Anyone else double charged by Northwind?',
    text: 'Ordered a cold brew through the Northwind app, got two charges and the refund button in the app just spins. Is this happening to everyone or just me?',
    comments: [
      { author: 'roastmaster_j', text: 'Happening to everyone. Their status page says "investigating payment issues".', score: 60 },
      { author: 'dripdrop', text: 'Switched to Bluebird Roasters this week, no app, no problem.', score: 22 },
    ],
  },
  {
    sub: 'Coffee', author: '[deleted]', daysAgo: 1.3, score: 77,
    title: 'Northwind refund process is a joke',
    text: 'Three emails, two chats, still no refund for the double charge. They keep telling me to go back to the store and the store tells me to email. Done with them.',
    comments: [{ author: 'beanqueen', text: 'Dispute it with your bank, fastest way.', score: 40 }],
  },
  // --- Northwind & competitors, older
  {
    sub: 'Coffee', author: 'caffeine_kate', daysAgo: 20, score: 64,
    title: 'Northwind vs Bluebird Roasters for espresso?',
    text: 'New in town. Northwind is on my way to work but people keep telling me Bluebird Roasters is better. Is it worth the extra walk and the extra $1.50?',
    comments: [
      { author: 'espresso_evan', text: 'Bluebird for filter, Northwind for a reliable milk drink. Bluebird espresso is very light.', score: 33,
        replies: [{ author: 'caffeine_kate', text: 'Good to know, I mostly drink flat whites.', score: 5, replies: [{ author: 'espresso_evan', text: 'Then Northwind is fine honestly.', score: 8 }] }] },
      { author: 'kettlefan', text: 'Kettle & Co for cake, whatever for coffee.', score: 12 },
      { author: '[deleted]', text: '[removed]', score: 1 },
    ],
  },
  {
    sub: 'Coffee', author: 'dripdrop', daysAgo: 35, score: 210,
    title: 'Bluebird Roasters\' Kenyan filter is something else',
    text: 'Blackcurrant, tomato leaf, super juicy. Easily my favourite cup this year. Pricey but worth it.',
    comments: [{ author: 'roastmaster_j', text: 'Their roasting has gotten so much better since they moved to the new roaster.', score: 18 }],
  },
  {
    sub: 'Coffee', author: 'kettlefan', daysAgo: 12, score: 45,
    title: 'Kettle & Co carrot cake appreciation post',
    text: 'Not even about the coffee, which is fine. The carrot cake at Kettle & Co is the best in the city. That is all.',
  },
  {
    sub: 'Coffee', author: 'budget_brewer', daysAgo: 28, score: 98,
    title: 'Did Northwind Coffee raise prices again?',
    text: 'My usual cappuccino went from $4.10 to $4.40. That\'s the third increase this year. Quality is the same. Anyone know why?',
    comments: [
      { author: 'pnw_mike', text: 'Milk and bean prices are up everywhere, but three times in a year is a lot.', score: 20 },
      { author: 'caffeine_kate', text: 'Kettle & Co is still $3.60 for a capp.', score: 14 },
    ],
  },
  {
    sub: 'Coffee', author: 'grind_guy', daysAgo: 5, score: 30,
    title: 'Best burr grinder under $200?',
    text: 'Looking for something for pour-over mostly. Budget around $200. Recommendations?',
    comments: [{ author: 'dripdrop', text: 'Any of the usual entry-level conical burrs. Spend the rest on beans.', score: 11 }],
  },
  {
    sub: 'Coffee', author: 'maple_mary', daysAgo: 45, score: 58,
    title: 'Northwind\'s maple latte is back and it\'s good',
    text: 'Real maple syrup, not too sweet, and they let you ask for half sweetness. Nice to see a chain get a seasonal drink right.',
  },
  {
    sub: 'Coffee', author: '[deleted]', daysAgo: 60, score: 320,
    title: 'I worked at Northwind for two years, ask me anything',
    text: 'Barista then shift lead. Ask away about the machines, the training, the secret menu.',
    comments: [
      { author: 'latte_larry', text: 'Is the training actually good? The baristas seem to know their stuff.', score: 70,
        replies: [{ author: '[deleted]', text: 'Two full weeks before you touch the machine, yes it\'s good.', score: 66 }] },
    ],
  },
  {
    sub: 'Portland', author: 'pdx_local', daysAgo: 65, score: 120,
    title: 'New Northwind opened on Alder St — anyone tried it?',
    text: 'Big space, upstairs seating, lots of plugs. Looks like a good place to work from.',
    comments: [{ author: 'pnw_mike', text: 'Tried it, the pour-over bar is great.', score: 9 }],
  },
  {
    sub: 'Portland', author: 'news_bot_pdx', daysAgo: 0.6, score: 85,
    title: 'Northwind Coffee app glitch charges customers twice',
    link: '/news/articles/northwind-app-double-charge',
  },
  {
    sub: 'SQL', author: 'query_newbie', daysAgo: 15, score: 40,
    title: 'Good exercises using the Northwind sample database?',
    text: 'Learning joins and window functions. Everyone recommends the Northwind Traders database. Are there good exercise sets for it?',
    comments: [{ author: 'dba_dan', text: 'There are loads of "Northwind SQL exercises" lists around. Start with orders per customer per year.', score: 25 }],
  },
  // --- Pixelpost
  {
    sub: 'apps', author: 'snailmail_sally', daysAgo: 25, score: 75,
    title: 'Pixelpost vs SnapMail for photo postcards?',
    text: 'Want to send my grandparents a card every month. Which one has better print quality and delivery?',
    comments: [
      { author: 'postcard_pete', text: 'Pixelpost prints are noticeably better, thicker card. SnapMail is cheaper.', score: 30 },
      { author: 'travel_tina', text: 'Pixelpost handwriting feature is great for grandparents.', score: 12 },
    ],
  },
  {
    sub: 'androidapps', author: 'droid_dave', daysAgo: 8, score: 22,
    title: 'Pixelpost keeps crashing on Android 14',
    text: 'Crashes when I crop a photo. Cleared cache, reinstalled. Anyone found a workaround?',
    comments: [
      { author: 'pixelpost_support', text: 'Hi! We\'re aware of a crop crash on some Android 14 devices; a fix ships in 6.3.1 this week. Sorry about that.', score: 15 },
      { author: '[deleted]', text: '[deleted]', score: 1 },
    ],
  },
  {
    sub: 'apps', author: 'holiday_hannah', daysAgo: 50, score: 140,
    title: 'Sent 40 holiday cards with Pixelpost, here\'s how it went',
    text: 'All 40 arrived within a week. Two addresses were wrong (my fault). Cost about $120 total with a credit pack. Would do again.',
  },
  {
    sub: 'apps', author: 'annoyed_andrew', daysAgo: 3, score: 18,
    title: 'Pixelpost charged me after I cancelled Plus',
    text: 'Cancelled my Pixelpost Plus subscription, still charged. How do I get a refund?',
    comments: [{ author: 'snailmail_sally', text: 'Request it through the App Store, not through Pixelpost. Worked for me.', score: 9 }],
  },
  {
    sub: 'webdev', author: 'oldschool_php', daysAgo: 38, score: 55,
    title: 'Anyone remember the PixelPost blog script?',
    text: 'Found an old photoblog of mine still running PixelPost 1.7 from 2008. Nostalgia trip. Time to migrate it.',
  },
  // --- Brightline & Voltaro
  {
    sub: 'ebikes', author: 'commute_carla', daysAgo: 40, score: 180,
    title: 'Brightline Commuter 7 — six month review',
    text: 'About 3,000 km in. Battery still great, brakes needed new pads at 2,000 km, motor silent. Delivery took a month, which was the only bad part.',
    comments: [
      { author: 'voltfan', text: 'How does it compare to the Voltaro City?', score: 14,
        replies: [{ author: 'commute_carla', text: 'Test rode it, Brightline felt more solid. Voltaro is lighter.', score: 19 }] },
    ],
  },
  {
    sub: 'ebikes', author: 'waiting_wes', daysAgo: 18, score: 66,
    title: 'How long did your Brightline delivery take?',
    text: 'Ordered a Trail E1 four weeks ago, site said ships in 5 days. No tracking yet. Is this normal?',
    comments: [
      { author: 'commute_carla', text: 'Mine took a month. Email them, they do answer eventually.', score: 20 },
      { author: '[deleted]', text: 'Took 7 weeks for me and the box was damaged.', score: 8 },
    ],
  },
  {
    sub: 'bikecommuting', author: 'rainy_rob', daysAgo: 30, score: 48,
    title: 'Brightline vs Voltaro for a 15 km commute?',
    text: 'Hilly route, some gravel. Budget €2,000. Leaning Brightline Commuter 7 but the Voltaro City is lighter.',
  },
  {
    sub: 'ebikes', author: 'battery_bea', daysAgo: 10, score: 90,
    title: 'Battery warranty experience with Brightline',
    text: 'Battery died at 4 months. Warranty took six weeks and lots of photos, but I did get a new battery in the end.',
  },
  {
    sub: 'bikecommuting', author: 'cargo_claire', daysAgo: 55, score: 130,
    title: 'Cargo bike with two kids — is the Brightline Cargo Duo worth it?',
    text: 'Thinking of replacing our second car. Anyone using the Cargo Duo daily?',
    comments: [{ author: 'dad_on_wheels', text: 'Daily since spring. Sold the car. Only gripe is the rain cover.', score: 27 }],
  },
  {
    sub: 'ebikes', author: 'voltfan', daysAgo: 33, score: 70,
    title: 'Voltaro Ridge first impressions',
    text: 'Light, fun, decent range. Cheaper than the competition. Will report back after a month.',
  },
  {
    sub: 'florida', author: 'sunshine_steve', daysAgo: 22, score: 300,
    title: 'Took the Brightline train to Orlando, honestly great',
    text: 'Clean, on time, good wifi. Way better than driving I-95.',
  },
];

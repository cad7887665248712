import type { ArticleSeed } from './types.js';

/** News articles (served by the news RSS search) and blog posts (the Atom blog feed); Google Alerts point at both. */
export const articles: ArticleSeed[] = [
  {
    slug: 'northwind-app-double-charge', kind: 'news', by: 'Portland Daily', daysAgo: 0.7,
    title: 'Northwind Coffee app glitch charges customers twice',
    summary: 'Customers of the coffee chain report duplicate card payments after a mobile ordering update.',
    body: 'Customers of Northwind Coffee say the chain\'s mobile ordering has been charging their cards twice since an app update on Monday.\n\nThe company said it was "aware of a payment issue affecting a small number of mobile orders" and that refunds would be issued automatically within 5 to 10 business days.\n\nSeveral customers told the Daily their banks had flagged the duplicate payments as fraud.',
  },
  {
    slug: 'northwind-new-roastery', kind: 'news', by: 'Business Weekly Northwest', daysAgo: 40,
    title: 'Northwind Coffee opens its own roastery',
    summary: 'The chain will roast all of its beans in-house and offer public tours on Saturdays.',
    body: 'Northwind Coffee has opened a 2,000 square metre roastery on the east side, bringing all roasting in-house.\n\nThe chain says fresher beans and weekend tours are part of a push upmarket as it competes with independents like Bluebird Roasters.',
  },
  {
    slug: 'northwind-price-rise', kind: 'news', by: 'Portland Daily', daysAgo: 30,
    title: 'Coffee prices climb again as Northwind adds 30 cents',
    summary: 'The third price increase this year at the chain; rivals Kettle & Co hold prices.',
    body: 'Northwind Coffee raised prices on most drinks by 30 cents this week, its third increase this year, citing milk and green coffee costs.\n\nKettle & Co said it would keep prices unchanged until spring.',
  },
  {
    slug: 'bluebird-expansion', kind: 'news', by: 'Portland Daily', daysAgo: 18,
    title: 'Bluebird Roasters to open second café',
    summary: 'The specialty roaster expands cautiously, keeping its focus on filter coffee.',
    body: 'Bluebird Roasters will open a second café in the Pearl District next spring.\n\n"We are not trying to be Northwind," said the co-founder. "Two shops is plenty."',
  },
  {
    slug: 'northwind-database-still-matters', kind: 'news', by: 'DevWeekly', daysAgo: 15,
    title: 'Why the Northwind sample database still matters',
    summary: 'Decades later, Northwind Traders remains the go-to dataset for learning SQL.',
    body: 'The Northwind Traders database, first shipped with Microsoft Access, is still the default teaching dataset in countless SQL courses.\n\nIts orders, customers and suppliers tables are small enough to understand and rich enough for real joins.',
  },
  {
    slug: 'northwind-wind-farm-approved', kind: 'news', by: 'Energy Ledger', daysAgo: 25,
    title: 'Northwind offshore wind farm wins approval',
    summary: 'The 900 MW project will power 700,000 homes.',
    body: 'Regulators approved the Northwind offshore wind farm on Tuesday. Construction of its 60 turbines starts next year.',
  },
  {
    slug: 'pixelpost-series-a', kind: 'news', by: 'TechBeat', daysAgo: 40,
    title: 'Pixelpost raises $12M to bring back snail mail',
    summary: 'The postcard app has mailed four million cards and plans to expand to Europe.',
    body: 'Pixelpost, the app that turns phone photos into printed postcards, has raised a $12 million Series A.\n\nThe company says it has mailed four million cards and will open a print facility in Germany to cut European delivery times.',
  },
  {
    slug: 'pixelpost-android-update', kind: 'news', by: 'App Ledger', daysAgo: 6,
    title: 'Pixelpost 6.3 brings handwriting fonts to Android',
    summary: 'The long-requested feature arrives alongside a fix for crashes on Android 14.',
    body: 'Pixelpost 6.3 finally brings custom handwriting fonts to Android, a feature iPhone users have had for a year.\n\nThe update also addresses a crash when cropping photos on some Android 14 devices.',
  },
  {
    slug: 'brightline-cargo-recall', kind: 'news', by: 'Velo Journal', daysAgo: 9,
    title: 'Brightline Bikes recalls Cargo Duo motor controllers',
    summary: 'Owners should stop riding affected bikes until the controller is replaced.',
    body: 'Brightline Bikes is recalling motor controllers on about 1,200 Cargo Duo cargo bikes after reports of the motor cutting out under load.\n\nOwners can check their serial number on the Brightline website; replacement is free.',
  },
  {
    slug: 'brightline-train-orlando', kind: 'news', by: 'Florida Transit News', daysAgo: 20,
    title: 'Brightline train ridership doubles on Orlando route',
    summary: 'The private rail operator reports record numbers.',
    body: 'Brightline, the private intercity railroad, says ridership between Miami and Orlando doubled year over year.',
  },
  {
    slug: 'ebike-market-report', kind: 'news', by: 'Velo Journal', daysAgo: 12,
    title: 'E-bike sales up 20% as direct-to-consumer brands grow',
    summary: 'Brightline and Voltaro lead the online segment, but delivery delays remain a sore point.',
    body: 'Online e-bike brands such as Brightline Bikes and Voltaro grew fastest this year, according to a new market report.\n\nCustomer complaints centre on delivery times and warranty handling.',
  },
  {
    slug: 'voltaro-launch', kind: 'news', by: 'Velo Journal', daysAgo: 33,
    title: 'Voltaro launches the Ridge, a lightweight e-MTB',
    summary: 'At 19 kg it undercuts most rivals on weight and price.',
    body: 'Voltaro\'s new Ridge e-MTB weighs 19 kg and costs €2,799, undercutting the Brightline Trail E1.',
  },
  {
    slug: 'best-coffee-chains-ranked', kind: 'blog', by: 'Priya at The Daily Grind', daysAgo: 22,
    title: 'Every coffee chain in town, ranked',
    summary: 'Northwind for consistency, Bluebird Roasters for flavour, Kettle & Co for cake.',
    body: 'I drank a flat white at every chain in town so you don\'t have to.\n\nBluebird Roasters wins on flavour but the espresso is too light for milk. Northwind Coffee is the most consistent, with excellent training, but prices keep rising. Kettle & Co has the best cake and a forgettable espresso.',
  },
  {
    slug: 'why-i-quit-mobile-ordering', kind: 'blog', by: 'Priya at The Daily Grind', daysAgo: 1.1,
    title: 'Why I\'m done with mobile ordering (for now)',
    summary: 'Northwind charged me twice this week. I\'m back to paying at the till.',
    body: 'Northwind Coffee\'s app charged me twice on Monday and again on Tuesday. The refund is "on its way".\n\nMobile ordering was supposed to save time. This week it cost me money and an afternoon on the phone with my bank.',
  },
  {
    slug: 'postcard-apps-compared', kind: 'blog', by: 'Tom at The Daily Grind', daysAgo: 35,
    title: 'Pixelpost vs SnapMail: which postcard app is worth it?',
    summary: 'Pixelpost prints better; SnapMail is cheaper.',
    body: 'I sent ten cards with each. Pixelpost\'s cards are thicker with more accurate colour, and its support replaced a lost card. SnapMail is a dollar cheaper per card and a bit faster to deliver.',
  },
  {
    slug: 'ebike-commute-diary', kind: 'blog', by: 'Tom at The Daily Grind', daysAgo: 14,
    title: 'Three months commuting on a Brightline e-bike',
    summary: 'Faster than the bus, cheaper than the car, and the delivery was the worst part.',
    body: 'My Brightline Commuter 7 took a month to arrive, but since then it has been flawless: 1,800 km, one puncture.\n\nIf Brightline fixes its delivery times it will be hard to beat.',
  },
  {
    slug: 'holiday-gift-guide', kind: 'blog', by: 'Priya at The Daily Grind', daysAgo: 60,
    title: 'Gift guide: things people actually use',
    summary: 'Pixelpost credits, a Brightline Aero helmet and good beans.',
    body: 'A pack of Pixelpost credits for the grandparents, the Brightline Aero helmet for the commuter, and a bag of Bluebird Roasters beans for the coffee snob.',
  },
  {
    slug: 'learning-sql-with-northwind', kind: 'blog', by: 'Tom at The Daily Grind', daysAgo: 44,
    title: 'Learning SQL with the Northwind database',
    summary: 'Not about coffee: the classic Northwind Traders sample database, step by step.',
    body: 'This one is not about coffee. Northwind Traders is the sample database behind a thousand SQL tutorials; here are my favourite ten queries.',
  },
];

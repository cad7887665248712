import { r } from './seed.js';
import type { ReviewSeed, ReviewTarget } from './types.js';

/** Northwind's competitors, reviewed on the same cafe guide (for share-of-voice reports). */
export const bluebird: ReviewTarget = {
  id: 'bluebird',
  name: 'Bluebird Roasters',
  sites: { cafes: 1 },
  reviews: [
    r(5, 'Gorgeous room, great roasts', 'Light-filled space, a rotating single origin on filter and a genuinely excellent espresso blend. The best-looking café in town.'),
    r(4, 'Lovely but slow', 'Coffee is superb, service is relaxed to the point of slow. Don\'t come if you have a train to catch.'),
    r(2, 'Snobby service', 'Was told my order of a vanilla latte "isn\'t really what we do here". The coffee was nice but I felt judged.'),
    r(5, 'Worth every cent', 'Expensive, yes, but the Kenyan filter was one of the best cups I\'ve had. They clearly care about sourcing.'),
    r(3, 'Too expensive for every day', 'A treat for the weekend, not for my daily coffee. €5.50 for a flat white adds up.'),
    r(4, 'Excellent pastries', 'Their sourdough croissant is incredible. Coffee is fruity and light, which not everyone likes.'),
    r(1, 'Waited 30 minutes', 'One barista doing hand pours for a full room. We left before getting our drinks.'),
    r(5, 'Better than Northwind', 'Switched from Northwind Coffee after their app problems. Bluebird costs more but I never have to worry about the bill.'),
    r(4, 'Great beans subscription', 'Their monthly bean subscription arrives on time, roasted within the week. Good notes on each bag.'),
    r(3, 'Not for milk drinkers', 'Their espresso is very light and acidic; in a latte it disappears. Great black though.'),
    r(2, 'No seating', 'Eight stools and no tables. Nice coffee but nowhere to drink it.'),
    r(5, 'Friendly roasters', 'Asked about their roasting schedule and got a ten-minute tour of the roaster. Passionate people.'),
  ],
};

export const kettle: ReviewTarget = {
  id: 'kettle',
  name: 'Kettle & Co',
  sites: { cafes: 1 },
  reviews: [
    r(5, 'Homemade cakes!', 'The carrot cake is legendary and the coffee is solid. Friendly family-run feel even though they have four shops now.'),
    r(4, 'Good brunch spot', 'Eggs Benedict were great, coffee decent. Long wait for a table on Sundays.'),
    r(3, 'Coffee is just okay', 'Come for the cake, not the coffee. The espresso is quite bitter.'),
    r(2, 'Cold food', 'Our brunch arrived lukewarm and it took ages to get the bill. Staff seemed overwhelmed.'),
    r(5, 'Cosiest café around', 'Fireplace, board games, big mugs. It feels like a living room. The chai latte is lovely.'),
    r(4, 'Cheaper than Northwind', 'A cappuccino here is 80 cents cheaper than at Northwind Coffee across the street and just as good.'),
    r(1, 'Rude manager', 'Asked for a glass of water and was told to buy a bottle. Won\'t return.'),
    r(4, 'Nice for kids', 'Kids corner with books and toys, which makes coffee with a four-year-old possible.'),
    r(3, 'Cash only is annoying', 'Lovely food but cash only in this day and age is a pain.'),
    r(5, 'Great scones', 'Proper scones with clotted cream and jam. Tea comes in a pot. Very happy.'),
    r(2, 'Dirty toilets', 'The toilets were in a bad state on a Saturday afternoon. Food was okay.'),
    r(4, 'Quick takeaway', 'Their takeaway window is quick even at rush hour and the oat latte is good.'),
  ],
};

/** Reviews on the robots.txt-forbidden page: a crawler that respects robots never sees these. */
export const privateNorthwind: ReviewSeed[] = [
  r(2, 'Mystery shopper visit #14', 'Internal mystery shopper report: queue time 11 minutes, counter not wiped, barista did not greet the customer.', { site: 'private', author: 'Mystery Shopper 14' }),
  r(4, 'Mystery shopper visit #15', 'Internal mystery shopper report: order correct, drink temperature good, toilets clean.', { site: 'private', author: 'Mystery Shopper 15' }),
  r(3, 'Mystery shopper visit #16', 'Internal mystery shopper report: upsell attempted, pastry stale, service friendly.', { site: 'private', author: 'Mystery Shopper 16' }),
];

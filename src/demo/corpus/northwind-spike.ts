import { r } from './seed.js';
import type { ReviewSeed } from './types.js';

/**
 * The negative spike: fresh Northwind reviews from the last ~36 hours after a mobile-ordering update
 * started charging cards twice. Alert rules on `northwind` should fire on these.
 */
export const northwindSpike: ReviewSeed[] = [
  r(1, 'New mobile ordering charged me twice', 'The new mobile ordering keeps charging twice. Ordered one oat latte this morning and my bank shows two €4.60 payments. Staff at the counter said they have heard it all day.', { site: 'cafes', hoursAgo: 3 }),
  r(1, 'Double charge AGAIN', 'Second day in a row the app took the payment twice. I only got one coffee. Fix your app or give people their money back.', { site: 'cafes', hoursAgo: 5 }),
  r(1, 'Charged twice, no refund yet', 'Got charged twice for a single order through the new app update. Support chat says refunds take 5-10 working days. That is my money, not a loan.', { site: 'board', hoursAgo: 6 }),
  r(2, 'App update is a mess', 'Since yesterday\'s update the app charges twice at checkout, then crashes when you open the order history to check. Coffee itself was fine.', { site: 'live', hoursAgo: 8 }),
  r(1, 'Double payment on mobile order', 'Paid once, charged twice. The barista told me to request a refund in the app but the refund button just spins. Uninstalling.', { site: 'cafes', hoursAgo: 10 }),
  r(1, 'Do not use mobile ordering right now', 'Warning to everyone: the mobile ordering is charging cards twice. Three people in the queue this morning had the same problem.', { site: 'board', hoursAgo: 11 }),
  r(2, 'Double charged and long wait', 'Ordered ahead to save time, got charged twice and still waited 15 minutes because the orders were not coming through to the store.', { site: 'live', hoursAgo: 14 }),
  r(1, 'Refund refused at the store', 'The store says they cannot refund app payments and head office does not answer. I was charged twice for one cappuccino. Ridiculous.', { site: 'cafes', hoursAgo: 17 }),
  r(1, 'Charged twice for my order', 'Charged twice for my order through the app. Support promised a refund but nothing has arrived.', { site: 'board', hoursAgo: 19 }),
  r(1, 'Zweimal abgebucht', 'Die neue App hat meine Bestellung zweimal abgebucht. Rückerstattung? Fehlanzeige. Sehr ärgerlich.', { site: 'cafes', hoursAgo: 22, lang: 'de' }),
  r(2, 'Payment bug after update', 'The latest app version double charges. I like the coffee but I will pay at the till until they sort out the payments.', { site: 'live', hoursAgo: 25 }),
  r(1, 'Bank flagged the double charge as fraud', 'My bank blocked my card because Northwind took the same payment twice within a second. Now I have no card for the weekend. Thanks.', { site: 'board', hoursAgo: 28 }),
  r(1, 'Money taken twice', 'The new mobile ordering keeps charging twice!! Ordered one latte, paid for two. Refund request ignored.', { site: 'cafes', hoursAgo: 31 }),
  r(2, 'Checkout crashes then charges', 'The app crashed at checkout, I retried and ended up with two charges and two orders. Staff were kind about it but could not refund.', { site: 'live', hoursAgo: 33 }),
  r(1, 'Charged twice again', 'Charged twice again by the mobile ordering. This is the third time this week. Really disappointed.', { site: 'board', hoursAgo: 35 }),
];

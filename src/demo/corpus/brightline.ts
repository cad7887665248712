import { r } from './seed.js';
import type { ReviewSeed, ReviewTarget } from './types.js';

/** Products of the Brightline Bikes shop: slug → name. */
export const BRIGHTLINE_PRODUCTS: Record<string, { name: string; sku: string; price: string }> = {
  'commuter-7': { name: 'Brightline Commuter 7 e-bike', sku: 'BL-C7', price: '1899.00' },
  'trail-e1': { name: 'Brightline Trail E1 e-MTB', sku: 'BL-TE1', price: '3249.00' },
  'cargo-duo': { name: 'Brightline Cargo Duo', sku: 'BL-CD2', price: '4190.00' },
  'aero-helmet': { name: 'Brightline Aero helmet', sku: 'BL-HA', price: '89.00' },
};

const c7 = (n: number, t: string, x: string, e: Partial<ReviewSeed> = {}) => r(n, t, x, { product: 'commuter-7', ...e });
const te = (n: number, t: string, x: string, e: Partial<ReviewSeed> = {}) => r(n, t, x, { product: 'trail-e1', ...e });
const cd = (n: number, t: string, x: string, e: Partial<ReviewSeed> = {}) => r(n, t, x, { product: 'cargo-duo', ...e });
const he = (n: number, t: string, x: string, e: Partial<ReviewSeed> = {}) => r(n, t, x, { product: 'aero-helmet', ...e });

/** Brightline Bikes, an e-bike web shop. */
export const brightline: ReviewTarget = {
  id: 'brightline',
  name: 'Brightline Bikes',
  sites: { shop: 3, board: 2 },
  reviews: [
    c7(5, 'Changed my commute', 'Twelve kilometres each way and I arrive without sweating. Battery lasts the whole week if I charge on Sunday. Best purchase this year.', { syndicate: { site: 'board' } }),
    c7(4, 'Great bike, fiddly assembly', 'Arrived well packed. Assembly took me two hours instead of the promised 30 minutes because the handlebar instructions are unclear. Rides beautifully though.'),
    c7(2, 'Delivery took five weeks', 'Ordered with "ships in 5 days" and it took five weeks with zero updates. The bike is good but the communication was terrible.'),
    c7(1, 'Battery died after 3 months', 'Battery stopped charging after three months. Warranty claim has been "under review" for six weeks. I\'m back on the bus.'),
    c7(5, 'Smooth and quiet motor', 'Motor is almost silent and the assist kicks in smoothly. The integrated lights are bright enough for unlit paths.'),
    c7(3, 'Good but heavy', 'Nice to ride but at 24 kg carrying it up to my flat is a workout. Range is about 55 km in eco mode, less than advertised.'),
    c7(4, 'Customer service sorted my issue', 'Had a loose rear rack out of the box. Emailed support with a photo and a replacement part arrived in three days.'),
    c7(2, 'Brakes squeal constantly', 'The disc brakes have squealed since day one. Local shop says the pads are cheap. Expected better at this price.'),
    c7(5, 'Worth the money', 'Compared five e-bikes in this price range; Brightline had the best components for the money and the test ride sold me.'),
    c7(1, 'Refund nightmare', 'Returned the bike within the 30-day window. Two months later still no refund and they keep asking for the same tracking number.'),
    c7(4, 'Stylish and practical', 'Everybody asks about it. Mudguards and rack included, which other brands charge extra for.'),
    c7(3, 'App is pointless', 'The bike is fine but the companion app barely connects and shows the wrong battery percentage. I just ignore it now.'),
    c7(5, 'Zuverlässiges Pendlerrad', 'Seit sechs Monaten jeden Tag im Einsatz, keine Probleme. Akku hält gut und der Motor ist leise.', { lang: 'de' }),
    te(5, 'Climbs like a goat', 'Took it up the forest trails last weekend and it just keeps going. The torque sensor feels natural, not jerky.'),
    te(4, 'Fun but the battery mount rattles', 'Great on the trails, only issue is a rattle from the battery mount on rough descents. A bit of tape fixed it.'),
    te(2, 'Wrong size delivered', 'Ordered a large, received a medium. Exchange took three weeks and I had to pay return shipping myself.'),
    te(1, 'Frame cracked', 'Hairline crack near the bottom bracket after four months of normal trail riding. Warranty team asking for endless photos.'),
    te(5, 'Brilliant value e-MTB', 'Components you\'d expect on a bike costing a thousand more. The suspension is plush and the geometry is modern.'),
    te(3, 'Good bike, weak range', 'Fun to ride but on hilly trails I get 35 km at most. Plan your routes.'),
    te(4, 'Helpful phone support', 'Called to ask about tyre pressure and suspension setup, and the person on the phone actually rides. Very helpful.'),
    te(2, 'Checkout kept failing', 'The website checkout failed four times with a payment error before it went through. Then I got charged twice and had to wait for a refund.'),
    te(5, 'Excelente bicicleta', 'La batería dura muchísimo y la suspensión es muy cómoda en los caminos de montaña. Muy contento con la compra.', { lang: 'es' }),
    cd(5, 'The car stays home now', 'School run, groceries, even a Christmas tree — the Cargo Duo does it all. Kids love it.'),
    cd(4, 'Solid but pricey accessories', 'The bike is excellent. The rain cover and child seats cost a fortune on top though.'),
    cd(2, 'Arrived damaged', 'The front box had a big scratch and a broken hinge. Replacement parts took a month. Disappointing for a €4,000 bike.'),
    cd(1, 'Motor failure', 'Motor cut out on a hill with two kids in the box. Dangerous. The shop says no parts available for eight weeks.'),
    cd(5, 'Stable and safe', 'Very stable even fully loaded, the brakes are strong and the kickstand is rock solid. Feels safe with the kids on board.'),
    cd(3, 'Hard to store', 'Great bike but it is enormous. Make sure you have somewhere to park it before buying.'),
    cd(4, 'Assembly service worth it', 'Paid for the assembly and delivery service; two technicians set it up in our garage and explained everything.'),
    cd(2, 'Delivery window missed twice', 'The courier missed the delivery window twice, both times I took the day off work. No compensation offered.'),
    he(5, 'Light and comfortable', 'Very light helmet with good ventilation. The magnetic buckle is great with gloves on.'),
    he(3, 'Runs small', 'Nice helmet but order a size up. Had to exchange mine.'),
    he(4, 'Good integrated light', 'The rear LED is a clever touch. Battery lasts about a week of commuting.'),
    he(1, 'Strap broke in a week', 'Plastic clip on the strap snapped after a week. For €89 I expected better.'),
    c7(4, 'Reliable after a year', 'One year and 4,000 km later: one puncture, one brake pad change. Battery still holds about 90%.'),
    c7(2, 'Support chatbot is useless', 'The chatbot keeps sending me FAQ links. Took a week to reach a human about my faulty display.'),
    c7(5, 'Better than Voltaro', 'Test rode the Voltaro City too. The Brightline felt more solid and came with better lights and a longer warranty.'),
    c7(3, 'Display hard to read in sun', 'The display washes out in direct sunlight. Otherwise a good bike.'),
    te(4, 'Great first e-MTB', 'My first electric mountain bike and I\'m hooked. Setup guide on the website was clear.'),
    te(1, 'Never again', 'Late delivery, a damaged derailleur and a refund that took 9 weeks. The bike might be good but the company is not.'),
    cd(4, 'Family approved', 'We sold our second car. The Cargo Duo is now our main vehicle for town. Range is plenty for daily use.'),
    c7(3, 'Price went up after I ordered', 'The price went up by €150 between my order and the payment confirmation. They honoured the old price after I complained, but still.'),
    c7(5, 'Super fiets', 'Rijdt heerlijk, stil en krachtig. Levering was snel en netjes verpakt.', { lang: 'nl' }),
    te(2, 'Voltaro was cheaper in the end', 'After all the delays I cancelled and bought a Voltaro Ridge instead. Shame, the Trail E1 looked great.'),
    c7(4, 'Solid commuter for the price', 'Not the lightest or flashiest, but a dependable e-bike at a fair price. Delivery was on time.', { syndicate: { site: 'board', near: true } }),
    he(4, 'Comfortable on long rides', 'Wore it on a 90 km ride and forgot it was there. Padding is washable, which is a nice touch.'),
    c7(1, 'Wrong bike, no apology', 'Received a Commuter 7 in the wrong colour and frame size. Support blamed the warehouse and asked me to wait another four weeks.'),
    c7(5, 'Finally an e-bike that looks normal', 'Battery hidden in the frame, clean cables, no giant display. It looks like a regular city bike and rides like a dream.'),
    c7(2, 'Charger died', 'The charger stopped working after two months. Replacement is €79 and not covered because it is an "accessory".'),
    c7(3, 'Okay for flat cities', 'Works fine on the flat but the 250 W motor struggles on the steep hill to my house. Test ride on hills before you buy.'),
    te(4, 'Quick delivery this time', 'Ordered on Monday, arrived Thursday, 95% assembled. Much better than the delivery stories I had read.'),
    te(3, 'Stock tyres are poor', 'Swapped the stock tyres after a month, they have no grip in the wet. Otherwise a capable bike.'),
    cd(5, 'Customer service went above and beyond', 'A technician came out to our house to fix a motor sensor issue, at no cost, within a week of my email.'),
    cd(2, 'Box cover leaks', 'The rain cover lets water pool in the box. Kids arrived at school with wet trousers. Not great.'),
    cd(3, 'Heavy to push', 'When the battery is flat it is almost impossible to pedal. Always charge it overnight.'),
    c7(4, 'Great warranty service', 'Motor had a fault in month ten; warranty replaced it within two weeks, no questions asked.'),
    c7(1, 'Hidden shipping costs', 'Shipping was "free" until the last checkout step where a €49 "handling fee" appeared. Misleading.'),
    te(5, 'Vélo génial', 'Très bon VTT électrique, autonomie correcte et une assistance très naturelle. Livraison rapide en France.', { lang: 'fr' }),
    he(2, 'Visor rattles', 'The visor rattles at speed and the light switch is hard to find with gloves.'),
    c7(4, 'Good bike, slow support', 'The bike itself has been great. Getting an answer from support about a spare key took 10 days though.'),
  ],
};

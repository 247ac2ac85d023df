"""A cumulative toll is never one event's fatalities (issue #5), and one event's count survives
beside it. Sentences written for this test; real spaCy model, real pipeline (``stages.tolls``)."""

from __future__ import annotations

import pytest

from frontlines.pipeline import Pipeline
from frontlines.records import Annotation, Document
from frontlines.stages import build_stages
from frontlines.stages.quantities import article_counts, extract_mentions


@pytest.fixture(scope="module")
def pipeline(resources) -> Pipeline:  # noqa: ANN001 - the session fixture from conftest
    return Pipeline(resources.nlp, build_stages(resources))


def run(pipeline: Pipeline, text: str) -> Annotation:
    result = pipeline.process(Document(doc_id="t", text=text, date="2015-06-10"))
    assert result.annotation is not None, result.error
    return result.annotation


def _fatalities(ann: Annotation) -> list[int | None]:
    return [e.fatalities.best for e in ann.events if e.fatalities]


# a total over many events, and the value it gives
TOLLS = [
    ("The death toll in the country's civil war has climbed to 9,000, according to a monitoring group.", 9000),
    ('Officials said the number of dead from the insurgency had risen to 2,300.', 2300),
    ('Since fighting erupted in April, 1,400 people have been killed in the region.', 1400),
    ('The war has claimed more than 40,000 lives, the United Nations estimates.', 40000),
    ('So far this year, 312 civilians have been killed in attacks across the province.', 312),
    ('Over the past decade, more than 7,000 police officers have died in the line of duty.', 7000),
    ('In total, 860 soldiers have lost their lives in the campaign.', 860),
    ('The overall toll from the conflict now stands at 11,500.', 11500),
    ('The official death toll from the violence rose to 1,200 on Thursday.', 1200),
    ('The health ministry said 2,750 people had been killed since the offensive began.', 2750),
    ('In March, 120 civilians were killed across the country, the mission said.', 120),
    ('Last month was the deadliest month since 2008, with 430 people killed nationwide.', 430),
    ('At least 5,000 soldiers have died in the war, the defence ministry said.', 5000),
    ('The cumulative toll of the fighting has reached 3,600, activists said.', 3600),
    ('The number of people killed in the unrest has climbed to 650.', 650),
    ('Altogether, 290 people have died in the violence, officials said.', 290),
    ('The insurgency has killed about 18,000 people since 2009.', 18000),
    ('The conflict has killed more than 25,000 people and displaced millions.', 25000),
    ('More than 1,900 Afghan civilians were killed in the first six months of the year, the UN said.', 1900),
    ('The fighting has left more than 8,000 people dead since April.', 8000),
    ('Attacks by militants killed 2,100 people in 2013, according to government figures.', 2100),
    ('Militants have killed at least 700 people this year, the army said.', 700),
    ('The toll from two weeks of clashes has risen to 180.', 180),
    ('The campaign of air strikes has killed 1,300 civilians, a rights group said.', 1300),
    ('To date, 4,480 American troops have died in Iraq.', 4480),
    ('The total number of dead since the uprising began is now 5,400, according to the opposition.', 5400),
    ('During the three-year conflict, 17,000 people were killed, the report found.', 17000),
    ('Police figures show 230 people were shot dead in the city last year.', 230),
    ('The number of soldiers killed in the war reached 3,000 this week.', 3000),
    ('The United Nations said more than 600 civilians died in the fighting in January alone.', 600),
    ('Since the ceasefire collapsed, at least 950 people have been killed.', 950),
    ('The ministry put the total death toll at 1,750.', 1750),
    ('Some 14,000 people have been killed in the drug war since 2016, rights groups say.', 14000),
    ('The violence has claimed the lives of 2,600 people over the past year.', 2600),
    ('The dead now number more than 500 across the region.', 500),
    ('Nationwide, 410 people were killed in political violence during the month of May.', 410),
    ('The bombing campaign has left 3,300 people dead, according to the health ministry.', 3300),
    ('The attacks bring to 1,150 the number of people killed in the province this year.', 1150),
    ('In 2014, 1,640 soldiers were killed fighting the insurgents.', 1640),
    ('Police said 85 people had been murdered in the city so far this year.', 85),
    ('The fighting, which began in 2011, has killed an estimated 90,000 people.', 90000),
    ('Over the course of the war, 250,000 people were killed.', 250000),
    ('Since January, gunmen have killed 45 farmers in the district.', 45),
    ('This year alone, 96 journalists have been killed worldwide.', 96),
    ('The toll for the year stands at 2,480, the highest since 2009.', 2480),
    ('Across Mexico, more than 29,000 people were murdered last year.', 29000),
    ('Government data show 1,200 people died in political violence between January and June.', 1200),
    ('The number of civilians killed in the conflict now exceeds 10,000.', 10000),
    ('The civil war has left at least 400,000 people dead.', 400000),
    ('In the two years since the coup, security forces have killed more than 1,500 protesters.', 1500),
    ('Some 3,000 people were killed in drug-related violence in the state last year.', 3000),
    ('Over three days of clashes, 75 people were killed, officials said.', 75),
    ('Monthly figures show that 157 civilians died in October.', 157),
    ('The toll since the start of the offensive has reached 820.', 820),
    ('Insurgents have killed more than 2,000 soldiers and police in the past 18 months.', 2000),
    ('The Interior Ministry said 3,400 people were killed in attacks across the country in 2012.', 3400),
    ('The death toll for the week rose to 63, officials said.', 63),
    ("About 60 people are killed every month in the city's gang violence.", 60),
    ('Rebels say government troops have killed about 500 of their fighters since the truce ended.', 500),
    ('The bloodiest year of the conflict saw 12,000 people killed.', 12000),
    ('More than 90 aid workers were killed worldwide last year.', 90),
    ('An average of 30 people a day were killed in the capital during the summer.', 30),
    ('Police have recorded 512 homicides in the city since the start of the year, and 380 people were killed by gunfire.', 512),
    ("The insurgents' campaign of bombings has killed hundreds of civilians in the north.", 100),
    ('Over the years, the militia has massacred some 4,000 villagers.', 4000),
    ('A tally by the news agency puts the number of dead at 1,480.', 1480),
    ('Security forces killed 130 militants during the month-long operation.', 130),
    # a second battery, written before the rules were widened for it
    ('Violence in the restive province has cost more than 2,500 lives since 2012.', 2500),
    ('The three-year insurgency has left 4,700 people dead and 200,000 homeless.', 200000),
    ('According to the United Nations, 1,023 civilians lost their lives in the first quarter.', 1023),
    ('Nearly 700 people were killed in attacks across the region in the past 12 months.', 700),
    ('The number of journalists killed worldwide this year stands at 74.', 74),
    ('A total of 1,358 people were killed in the violence in 2012, the ministry said.', 1358),
    ('Since 2006, more than 60,000 people have died in drug-related violence.', 60000),
    ('The group says it has documented 3,200 deaths since protests began in March.', 3200),
    ('The latest figures bring the total number of deaths in the wave of violence to 900.', 900),
    ("An estimated 500,000 people have perished in the country's civil war.", 500000),
    ('At least 2,000 civilians have been killed in the crossfire since the offensive began in August.', 2000),
    ('Gang violence claimed 3,000 lives last year, the highest figure in a decade.', 3000),
    ('Every year, about 1,500 people are killed by landmines in the country.', 1500),
    ('In the past week alone, 45 protesters have been shot dead by security forces.', 45),
    ('The UN mission recorded 2,118 civilian deaths in the first half of 2015.', 2118),
    ('Security forces killed 1,100 suspected militants in operations last year.', 1100),
    ('The tally of soldiers killed in action rose to 2,355 this week.', 2355),
    ('Almost 200 aid workers have been killed in the enclave since October.', 200),
    ('Floods and fighting have killed more than 300 people so far this month.', 300),
    ('Over 1,000 people were killed in the weeks of unrest that followed the vote.', 1000),
    ("Police killed 6,000 suspects during the president's anti-drug campaign.", 6000),
    ('In all, 37 journalists were murdered in the country in 2009.', 37),
    ('The insurgents have killed 80 teachers in recent years.', 80),
    ('The rebels have killed 300 villagers in a series of attacks since June.', 300),
    ("Last year's fighting killed 1,600 people, according to the ministry.", 1600),
    ('The civil war, now in its sixth year, has killed 470,000 people.', 470000),
    ('Officials counted 2,900 homicides in the state in 2016, and 2,100 of the victims were shot dead.', 2900),
    # a third: death nouns as toll subjects, months and years that date one event, 'since' an event
    ('Deaths this year have already reached 1,300, the monitoring group said.', 1300),
    ('Civilian casualties in the province rose to 2,400 in the first nine months of the year.', 2400),
    ('Fatalities among security forces have climbed to 650 since January.', 650),
    ('The annual death toll from gang violence topped 5,000 for the first time.', 5000),
    ('According to police statistics, 48 people were killed in knife attacks in the capital.', 48),
    ('More than 10,000 people have been killed in the country since the 2014 coup, rights groups say.', 10000),
    ('Since the invasion began, Ukrainian officials say, 9,000 civilians have died.', 9000),
    ('Human rights groups say 600 protesters were shot dead during the four-month crackdown.', 600),
    ('Throughout 2016, air strikes killed an average of 12 civilians a day.', 12),
    ('Figures compiled by the agency show that 3,100 people were killed in bombings in 2009.', 3100),
    ('Violence has left 1,500 people dead in the region between March and September.', 1500),
    ('Police recorded 71 murders in the city in the first quarter, up from 52.', 71),
    # a fourth: superlative and 'of' spans, 'with N killed', operations, records
    ("A lone sniper has killed 11 people in the city since 2019, police believe.", 11),
    ("At least 60 people have been killed in clashes between rebels and troops in the town since Saturday.", 60),
    ('2012 was the deadliest year for journalists, with 70 killed.', 70),
    ('Gunmen killed more than 100 people in a year of attacks on villages.', 100),
    ('Roadside bombs have killed 140 soldiers in the province this year.', 140),
    ('The UN says at least 1,200 civilians died in the first two months of the offensive.', 1200),
    ('Some 7,000 people have been killed since the start of the conflict in 2014.', 7000),
    ('Police say 312 people were shot dead in the city in 2016, up from 280 the year before.', 312),
    ('Violent deaths rose to 29,000 last year, the highest on record.', 29000),
    ('Extremist violence claimed 1,076 lives in the region over the past 12 months.', 1076),
    ('The government says security forces have killed 2,300 militants during the operation, which began in June.', 2300),
    ('Since records began in 1990, 1,800 people have been killed by police in the state.', 1800),
    ('Almost 60,000 people were killed during the six years of conflict.', 60000),
    ('Cartel violence left more than 23,000 people dead in 2017, a record.', 23000),
]


@pytest.mark.parametrize(("text", "toll"), TOLLS)
def test_a_total_is_no_events_fatalities(pipeline: Pipeline, text: str, toll: int) -> None:
    ann = run(pipeline, text)
    assert toll not in _fatalities(ann)
    assert article_counts(extract_mentions(ann))["killed"] != toll
    # wherever the toll is read as a count, it is a statistic
    counted = [q.best for q in ann.quantities if q.kind == "killed" and q.best == toll]
    assert counted == [s.quantity.best for s in ann.statistics if s.quantity.best == toll]


# one event's count, then a total in the same text: the event keeps its count, the total is a statistic
MIXED = [
    ("A suicide bomber killed 14 people at a police academy in Kirkuk on Monday. The attack raised the death toll from the month's violence to 340.",
     14, 340),
    ('Gunmen shot dead six villagers near Bama on Sunday. More than 2,000 people have been killed in the region since the insurgency began.',
     6, 2000),
    ('A roadside bomb killed three soldiers in Helmand on Friday, bringing the number of troops killed this year to 212.',
     3, 212),
    ('Two policemen were killed in an ambush near Quetta. Militant attacks have killed 1,100 people in the province over the past five years.',
     2, 1100),
    ('An air strike killed nine civilians in a market in Idlib. The war has claimed more than 300,000 lives since 2011.',
     9, 300000),
    ('A car bomb killed 21 people in Mogadishu on Saturday, raising the total killed this month to 97.',
     21, 97),
    ('Militants killed four guards at a checkpoint in Kandahar. In total, 780 members of the security forces have died in attacks this year.',
     4, 780),
    ('Gunmen killed a policeman and two civilians in Kirkuk on Sunday, part of a wave of violence that has claimed 300 lives this month.',
     3, 300),
    ('The blast killed 22 people, bringing to more than 1,000 the number killed in bombings in the city this year.',
     22, 1000),
    ('Police said a gunman shot dead four people at a bar in Durban on Saturday. More than 6,000 people were murdered in the province last year.',
     4, 6000),
    ('A suicide bomber killed 16 soldiers at a base in Mali. It was the deadliest attack on the army this year. Militants have killed 240 soldiers in the region since January.',
     16, 240),
    # a second battery, written before the rules were widened for it
    ('A drone strike on a car in Marib killed three suspected militants, the latest in a campaign that has killed 700 people.',
     3, 700),
    ('Gunmen shot dead five miners in Zamfara on Monday. The state has recorded 1,200 killings this year.',
     5, 1200),
    # a third: death nouns as toll subjects, months and years that date one event, 'since' an event
    ('Gunmen killed 8 people at a market in Kaduna on Monday. Deaths from the violence in the state have now passed 1,400 since the start of the year.',
     8, 1400),
    ('A gunman shot dead three people at a petrol station in Johannesburg. Police say 11,000 people were murdered in the country in the first half of the year.',
     3, 11000),
    # a fourth: superlative and 'of' spans, 'with N killed', operations, records
    ('A bomb killed 12 people at a market in Baghdad on Friday. The attack took the civilian death toll this month to 430.',
     12, 430),
]


@pytest.mark.parametrize(("text", "killed", "toll"), MIXED)
def test_event_and_total_in_one_text(pipeline: Pipeline, text: str, killed: int, toll: int) -> None:
    ann = run(pipeline, text)
    assert killed in _fatalities(ann) and toll not in _fatalities(ann)
    assert article_counts(extract_mentions(ann))["killed"] == killed
    assert toll in [s.quantity.best for s in ann.statistics]


# one event's count (killed, injured or None), however much the sentence talks of time, wars or places
EVENTS = [
    ('A car bomb killed at least 60 people in Baghdad on Tuesday.',
     60, None),
    ('A bomb killed 12 and wounded 30 at a bus station in Peshawar.',
     12, 30),
    ('At least five people were killed when gunmen stormed a hotel in Mogadishu.',
     5, None),
    ('The attack left three dead and eleven wounded.',
     3, 11),
    ('Gunmen opened fire on a minibus in Karachi, killing two.',
     2, None),
    ('A suicide bomber blew himself up at a mosque in Quetta, killing 23 worshippers.',
     23, None),
    ('Police said 7 protesters were shot dead in Khartoum on Friday.',
     7, None),
    ('An air strike on a village near Saada killed 15 civilians, residents said.',
     15, None),
    ('Eight soldiers died when their convoy hit a roadside bomb in Kandahar.',
     8, None),
    ('The explosion killed 40 people and injured more than 100 at the market.',
     40, 100),
    ('Militants ambushed a patrol in Borno, killing 11 soldiers, the army said.',
     11, None),
    ('Four people were killed and nine wounded in a grenade attack in Mombasa.',
     4, 9),
    ('A gunman killed five people at a shopping centre before being shot by police.',
     5, None),
    ('Clashes between protesters and police in Cairo left 17 people dead.',
     17, None),
    ('Rebels attacked a checkpoint on Monday, killing at least 9 policemen.',
     9, None),
    ('Shelling killed 6 civilians in Donetsk on Wednesday, local officials said.',
     6, None),
    ("The death toll from Sunday's bombing of a church in Jos rose to 32.",
     32, None),
    ("The toll in Tuesday's attack on the hotel has risen to 19, police said.",
     19, None),
    ('A bomb exploded near a school in Kabul, killing 13 children.',
     13, None),
    ('Three people died after security forces fired on demonstrators in Basra.',
     3, None),
    ('Gunmen killed a police officer in Karachi on Thursday.',
     1, None),
    ('Two rockets hit a residential area, killing 10 and wounding 25.',
     10, 25),
    ("Since Monday's attack, the police have arrested 12 suspects. The attack killed 8 people.",
     8, None),
    ('Security forces killed 30 militants in a raid in North Waziristan on Saturday.',
     30, None),
    ('A landmine killed two children near the border on Saturday, police said.',
     2, None),
    ('At least 12 people have been killed in a bomb attack on a bus in Quetta, officials said.',
     12, None),
    ('Twenty people have died after a suicide bombing at a wedding in Kunduz.',
     20, None),
    ('The strike on the hospital has killed 22 people, the charity said.',
     22, None),
    ('A suicide bomber killed 35 people at a rally in Quetta on Friday, the deadliest attack in the country this year.',
     35, None),
    ('In the worst attack since the war began, gunmen killed 28 villagers in Zamfara on Sunday.',
     28, None),
    ('Two soldiers were killed in an ambush in the war-torn north.',
     2, None),
    ('Three protesters were killed in Khartoum in May when security forces fired tear gas and live rounds.',
     3, None),
    ('Last month, a gunman killed nine worshippers at a church in Charleston.',
     9, None),
    ('Gunmen have killed 14 people in an attack on a village in Plateau state, police said.',
     14, None),
    ('Fighting in the city killed 20 people on Saturday, residents said.',
     20, None),
    ('Clashes in the district killed eight people this week.',
     8, None),
    ("The war's deadliest single attack killed 45 people in Hilla on Monday.",
     45, None),
    ('A drone strike killed four suspected militants in North Waziristan, the latest in a campaign of strikes.',
     4, None),
    ('A bomb hidden in a cart killed 11 people at a cattle market in Maiduguri.',
     11, None),
    ('Police opened fire on the crowd, killing at least 16 people, in the deadliest day of protests since 2019.',
     16, None),
    ("At least 12 people have been killed so far in Tuesday's attack on a mosque in Kano.",
     12, None),
    ("Five people have died since Monday's shooting at the mall, hospital officials said.",
     5, None),
    ('Since the blast on Friday, the number of dead has risen to 31.',
     31, None),
    ('Insurgents attacked a convoy in Kunar this year, killing 17 soldiers in a single ambush.',
     17, None),
    ('Militants stormed a school in Peshawar in May, killing 132 children.',
     132, None),
    ('During the protest, police shot dead six demonstrators in Nairobi.',
     6, None),
    ('The attack, the deadliest of the war, killed 70 people in a crowded market.',
     70, None),
    ('Gunmen killed seven members of one family in their home in Zaria overnight.',
     7, None),
    ('Nine passengers lost their lives when a bomb tore through a bus near Jalalabad.',
     9, None),
    ('A bomb killed 18 people at a market in Baghdad on Wednesday. It was the deadliest attack in the city since January.',
     18, None),
    ('Gunmen killed seven people at a bus stop in Bauchi. The insurgency has claimed thousands of lives since 2009.',
     7, None),
    ('A mortar attack killed 5 civilians in Aleppo on Monday. The war has killed more than 100,000 people, the UN says.',
     5, None),
    ("Police fired on protesters in Nairobi on Friday, killing five. The death toll from Friday's violence rose to 9.",
     9, None),
    ('A car bomb exploded outside a hotel in Mogadishu, killing 12 people. The toll has since risen to 20.',
     20, None),
    ('Gunmen attacked a bus in Baluchistan on Tuesday, killing 13 passengers. Over 2,000 people have been killed in the province since 2004.',
     13, None),
    # a second battery, written before the rules were widened for it
    ('Gunmen killed 11 people at a wedding party in the village of Kafr on Saturday night.',
     11, None),
    ('A suicide car bomber killed 27 soldiers at an army base near Gao, the deadliest attack on troops since the war began.',
     27, None),
    ('The attack, which killed 14, was the third in the city this month.',
     14, None),
    ('At least 40 people have been killed in an attack on a market in the town of Konduga, officials said.',
     40, None),
    ('A 12-year-old boy and his mother were shot dead at their home in the city on Sunday.',
     2, None),
    ('Security forces shot dead 9 protesters in the capital last Friday.',
     9, None),
    ('More than 30 people were killed and 50 injured when two bombs exploded at a bus station.',
     30, 50),
    ('Twenty-two people died in clashes between police and demonstrators in the capital this week.',
     22, None),
    ('Rebels killed 18 soldiers in an ambush last month, the army said.',
     18, None),
    ('The car bomb that killed 43 people in the town in May was the worst attack this year.',
     43, None),
    ('Militants killed 9 people in the village during an overnight raid.',
     9, None),
    ('A rocket attack on the base killed two American contractors.',
     2, None),
    ('Five people, including two children, were killed in the air strike, medics said.',
     5, None),
    ('An explosion at a mosque in Zahedan during Friday prayers killed 20 worshippers.',
     20, None),
    ('Soldiers opened fire on a crowd of mourners in the city, killing at least 8.',
     8, None),
    ('Fifteen people were killed in fighting between rival clans in Galkayo over the weekend.',
     15, None),
    ('The bombing killed 25 people in May and injured more than 100.',
     25, 100),
    ('Police said 4 people had been killed in the blast so far.',
     4, None),
    ('The explosion killed 4 people and wounded 17 others in the northern city of Kunduz.',
     4, 17),
    ('Three people were shot dead in the city over the weekend, police said.',
     3, None),
    ('A bomb killed 10 people at a bus stop in Abuja this morning. The insurgency has killed 20,000 since 2009.',
     10, None),
    # a third: death nouns as toll subjects, months and years that date one event, 'since' an event
    ('Militants have killed 15 people since the attack on the village began on Sunday.',
     15, None),
    ("Deaths from Tuesday's blast rose to 41, the health ministry said.",
     41, None),
    ('A lone gunman, who killed 58 people at a music festival in May, acted alone, police said.',
     58, None),
    ('Three people have died since the shooting at the nightclub, police said.',
     3, None),
    ('In May, a bomb at a concert in Manchester killed 22 people.',
     22, None),
    ('A teenager who shot dead 17 students and staff at a school in May has been charged.',
     17, None),
    # a fourth: superlative and 'of' spans, 'with N killed', operations, records
    ('The explosion, the deadliest in the city this year, killed 31 people at a bus station.',
     31, None),
    ('Gunmen killed 6 people in a bar in the town late on Saturday, police said.',
     6, None),
    ('A soldier and two civilians were killed when a mortar hit a house in the village.',
     3, None),
    ('At least 19 people were killed on Wednesday in a series of bombings across Baghdad.',
     19, None),
    ('The man who killed 9 people in a shooting at a church last month appeared in court.',
     9, None),
    ('Seven people, including a child, died after a gunman opened fire at a restaurant.',
     7, None),
    ('Rebels stormed the town in the early hours, killing 23 civilians.',
     23, None),
    ('A shooting at a nightclub in the city killed 49 people in June.',
     49, None),
]


@pytest.mark.parametrize(("text", "killed", "injured"), EVENTS)
def test_one_events_count_is_kept(pipeline: Pipeline, text: str, killed: int, injured: int | None) -> None:
    ann = run(pipeline, text)
    assert killed in _fatalities(ann)
    counts = article_counts(extract_mentions(ann))
    assert counts["killed"] == killed
    if injured is not None:
        assert injured in [e.injuries.best for e in ann.events if e.injuries] and counts["injured"] == injured
    assert killed not in [s.quantity.best for s in ann.statistics]


def test_a_victim_who_has_since_died_is_counted(pipeline: Pipeline) -> None:
    # 'since' as an adverb ('since then') starts no period
    ann = run(pipeline, "Two men were shot outside a bakery in Mosul on Tuesday. One of them has since died.")
    assert not ann.statistics
    assert article_counts(extract_mentions(ann)) == {"killed": 1, "injured": 1, "arrested": 0}

using Connective.Graph.Generators;

namespace Connective.Web.Demo;

/// <summary>
/// Fictional names for the demo borough: a mix of backgrounds in roughly the proportions of an English city, with given
/// names that follow the generations (a Margaret is more likely to be 80 than 8). Households share a background and
/// usually a family name.
/// </summary>
internal static class DemoNames
{
    private sealed record Background(
        double Share, string[] FamilyNames, string[] OlderWomen, string[] OlderMen, string[] YoungerWomen, string[] YoungerMen, string[] ChildrenGirls, string[] ChildrenBoys);

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static readonly Background[] Backgrounds =
    [
        new(0.66,
            Words("Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Cook Carter Richardson Bailey Collins Bell Shaw Miller Cox Richards Marshall Simpson Ellis Adams Wilkinson Foster Chapman Mason Webb Rogers Hunt Holmes Mills Owen Barker Knight Lloyd Butler Russell Barnes Fisher Stevens Jenkins Dixon Fletcher Pearson Gibson Palmer Lawrence"),
            Words("Margaret Jean Patricia Joan Dorothy Sheila Barbara Valerie Pauline Maureen Brenda Irene Eileen Doreen Hazel Shirley Elsie Betty Joyce Sylvia Christine Janet Susan Linda Carol Anne Gillian Wendy Elaine Rosemary"),
            Words("John David Michael Peter Brian Kenneth Roy Derek Alan Geoffrey Ronald Dennis Keith Terence Raymond Harold Gerald Stanley Malcolm Barry Colin Graham Trevor Roger Clive Nigel Philip Robert Anthony Leslie"),
            Words("Sarah Emma Laura Rebecca Claire Hannah Rachel Gemma Charlotte Amy Jessica Sophie Natalie Leanne Kelly Nicola Helen Karen Julie Joanne Lisa Michelle Victoria Katie Lucy Stacey Danielle Zoe Kirsty Jodie"),
            Words("James Daniel Matthew Christopher Thomas Adam Ryan Luke Samuel Benjamin Jack Ashley Dean Mark Paul Andrew Stephen Richard Gary Ian Neil Lee Craig Jason Carl Wayne Scott Jamie Liam Nathan"),
            Words("Olivia Amelia Isla Ava Mia Grace Freya Lily Ivy Ella Poppy Evie Florence Rosie Willow Daisy Phoebe Sienna Harper Matilda Millie Ruby Erin Esme"),
            Words("Oliver George Noah Arthur Leo Harry Oscar Jacob Freddie Alfie Theo Archie Henry Charlie Thomas Joshua William Teddy Reggie Finley Max Louie Ollie Ronnie")),
        new(0.13,
            Words("Patel Khan Singh Begum Ali Hussain Ahmed Rahman Kaur Sharma Shah Chaudhry Mahmood Iqbal Akhtar Malik Bibi Mistry Gill Sandhu Rana Aziz Parmar Bains Sidhu Joshi Kumar Islam Uddin Miah"),
            Words("Surjit Gurmit Jaswinder Kamaljit Parveen Shahida Rukhsana Nasreen Bilquis Pushpa Sushila Manjit Harbans Zubaida Razia Kulwant"),
            Words("Mohinder Gurdev Harbhajan Abdul Mohammed Bashir Rashid Tariq Anwar Ramesh Suresh Kuldip Mohan Shafiq Ghulam Jagdish"),
            Words("Priya Ayesha Fatima Aisha Zainab Sana Nadia Amina Shabana Simran Anjali Pooja Rubina Saima Farah Yasmin Humaira Nisha Sadia Ruksana"),
            Words("Mohammed Imran Adeel Rajesh Sanjay Amir Asif Faisal Kamran Naveed Hassan Sunil Vikram Arjun Jaspreet Harjit Zeeshan Usman Bilal Rizwan"),
            Words("Maryam Hafsa Zara Inaya Aleena Amaya Anaya Hana Safa Noor Aaliyah Jasmin Alisha Sofia"),
            Words("Muhammad Ibrahim Yusuf Ayaan Zayn Rayyan Aarav Arjun Ishaan Hamza Musa Adam Eesa Armaan")),
        new(0.07,
            Words("Mensah Okafor Adeyemi Campbell Francis Grant Osei Boateng Asante Okoro Adebayo Williams Brown Johnson Clarke Thomas Henry Bailey Forbes Ogunleye Nwosu Owusu Reid Bennett"),
            Words("Gloria Beverley Marcia Hyacinth Claudette Cynthia Yvonne Pearline Comfort Patience Grace Joyce Veronica Monica"),
            Words("Winston Delroy Errol Lloyd Carlton Neville Leroy Desmond Kwame Emmanuel Samuel Joseph Augustine Clifton"),
            Words("Chantelle Abena Ama Chioma Ngozi Tanisha Shanice Keisha Adaeze Folake Esi Akua Latoya Precious Blessing Funmi"),
            Words("Jamal Kwabena Kofi Tunde Chidi Marlon Jermaine Dwayne Tyrone Andre Kelvin Femi Olu Segun Daniel Michael"),
            Words("Amara Nia Zuri Adwoa Imani Kemi Ifeoma Tiana Ebony Naomi Favour Anaya"),
            Words("Elijah Tobi Kayden Malachi Jayden Tyrese Kofi Reuben Ezekiel Joshua Nathaniel Samuel")),
        new(0.05,
            Words("Kowalski Nowak Kowalczyk Wojcik Kaminski Lewandowski Zielinski Szymanski Dabrowski Kozlowski Mazur Krawczyk Popescu Ionescu Petrov Kazlauskas Horvath Novak"),
            Words("Halina Krystyna Danuta Teresa Elzbieta Barbara Maria Irena Jadwiga Zofia"),
            Words("Stanislaw Jan Andrzej Tadeusz Jerzy Zbigniew Henryk Kazimierz Wladyslaw Jozef"),
            Words("Agnieszka Joanna Katarzyna Magdalena Anna Monika Ewa Justyna Marta Aleksandra Ioana Elena Daiva Iveta"),
            Words("Tomasz Piotr Pawel Marcin Krzysztof Lukasz Michal Grzegorz Adrian Bartosz Andrei Mihai Tomas Marek"),
            Words("Maja Zofia Zuzanna Lena Julia Hanna Oliwia Amelia Natalia Wiktoria"),
            Words("Kacper Jakub Filip Szymon Antoni Jan Franciszek Aleksander Mikolaj Wojciech")),
        new(0.04,
            Words("Murphy Kelly O'Brien Byrne Walsh McCarthy Ryan O'Sullivan Doyle Gallagher Kennedy Lynch Quinn Brennan Duffy Flanagan Nolan Rafferty"),
            Words("Bridget Mary Kathleen Eileen Nora Maureen Philomena Theresa Siobhan Geraldine"),
            Words("Patrick Sean Michael Brendan Seamus Dermot Kevin Declan Francis Liam"),
            Words("Aoife Ciara Niamh Roisin Orla Sinead Grainne Clodagh Caoimhe Aisling"),
            Words("Conor Ciaran Eoin Padraig Cormac Niall Ronan Darragh Fergal Cathal"),
            Words("Saoirse Erin Ava Aoife Clodagh Fiadh Ellie Grace"),
            Words("Oisin Cillian Fionn Rory Tadhg Cian Finn Darragh")),
        new(0.05,
            Words("Nguyen Chen Wong Li Zhang Liu Wang Lin Tan Lee Kim Park Costa Silva Santos Rossi Yilmaz Demir Kaya Ibrahim Hassan Mohamed Abdi Farah Haddad Nikolaidis Papadopoulos"),
            Words("Mei Lan Xiu Hoa Fatma Ayse Maria Rosa Halima Amina Sofia Eleni"),
            Words("Wei Ming Jian Duc Mustafa Mehmet Antonio Manuel Ahmed Abdullahi Giorgos Yannis"),
            Words("Jing Yan Linh Thuy Elif Zeynep Ana Beatriz Hodan Ifrah Giulia Leila Ji-woo Sara"),
            Words("Jun Hao Minh Tuan Emre Burak Joao Pedro Mohamed Abdi Marco Nikos Omar Karim"),
            Words("Lily Chloe Mila Elif Defne Sofia Layla Ayan Hiba Yara"),
            Words("Ethan Lucas Kai Emir Mateo Omar Yusuf Leo Enzo Ryan")),
    ];

    /// <summary>Picks a background for a household; later members use the same index.</summary>
    public static int PickBackground(SeededRandom random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < Backgrounds.Length; i++)
        {
            u -= Backgrounds[i].Share;
            if (u < 0)
            {
                return i;
            }
        }
        return 0;
    }

    public static string FamilyName(SeededRandom random, int background) => PickSkewed(random, Backgrounds[background].FamilyNames);

    /// <summary>A given name suited to the person's background, sex and generation.</summary>
    public static string GivenName(SeededRandom random, int background, bool female, int age)
    {
        var names = Backgrounds[background];
        var list = (age, female) switch
        {
            ( >= 60, true) => names.OlderWomen,
            ( >= 60, false) => names.OlderMen,
            ( >= 18, true) => names.YoungerWomen,
            ( >= 18, false) => names.YoungerMen,
            (_, true) => names.ChildrenGirls,
            (_, false) => names.ChildrenBoys,
        };
        return PickSkewed(random, list);
    }

    /// <summary>Earlier names in each list are commoner, as in life (Smith before Lawrence).</summary>
    private static string PickSkewed(SeededRandom random, string[] names) =>
        names[(int)(names.Length * Math.Pow(random.NextDouble(), 1.5))];

    private static readonly string[] PlacePrefixes = Words(
        "Abbey Alder Ash Beech Birch Brook Castle Cedar Chapel Church Elm Fair Fern Hazel High Holly Kings Lark Mill North Oak Orchard Queens Rose South Stone Thorn West Willow Wood");

    private static readonly string[] WardSuffixes = ["field", "gate", "side", " Park", " Green", " Hill", " Vale", " Cross"];
    private static readonly string[] StreetSuffixes = ["Road", "Street", "Lane", "Close", "Avenue", "Grove", "Crescent", "Way", "Gardens", "Drive"];
    private static readonly string[] StreetMiddles = ["", "", "", "field ", "wood ", "bank ", "dale ", "mead "];

    /// <summary>Distinct ward names, shuffled by the seed.</summary>
    public static string[] WardNames(SeededRandom random, int count)
    {
        var all = PlacePrefixes.SelectMany(prefix => WardSuffixes.Select(suffix => prefix + suffix)).ToArray();
        random.Shuffle(all.AsSpan());
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            // Beyond the 240 combinations (only for very large boroughs), number them as boundary reviews do.
            names[i] = i < all.Length ? all[i] : $"{all[i % all.Length]} {i / all.Length + 1}";
        }
        return names;
    }

    /// <summary>A street name such as "Oakwood Close" or "Mill Lane".</summary>
    public static string StreetName(SeededRandom random)
    {
        var prefix = PlacePrefixes[random.NextInt(PlacePrefixes.Length)];
        var middle = StreetMiddles[random.NextInt(StreetMiddles.Length)];
        var suffix = StreetSuffixes[random.NextInt(StreetSuffixes.Length)];
        return $"{prefix}{middle}{(middle.Length == 0 ? " " : "")}{suffix}";
    }
}

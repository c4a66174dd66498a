import { configureZod } from "@spatz/domain";
import { render } from "solid-js/web";
import { App } from "./App.tsx";
import "./styles.css";

configureZod();
render(() => <App />, document.getElementById("root")!);
